import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Tag {
  /// Runs the real binary in tmux; skipped when tmux is not installed.
  @Tag static var tmux: Self
}

/// The real `dms-relay` in a detached tmux session of fixed size, on its own tmux server
/// (`-L`), driven with `send-keys` and read with `capture-pane`.
final class TmuxSession {
  enum Failure: Error, CustomStringConvertible {
    case timeout(waitingFor: String, screen: String)
    case tmux(String)

    var description: String {
      switch self {
      case .timeout(let text, let screen): return "timed out waiting for '\(text)'; the screen was:\n\(screen)"
      case .tmux(let message): return "tmux: \(message)"
      }
    }
  }

  static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  static var isAvailable: Bool { tmuxPath != nil }

  let socket = "dms-relay-test-\(UUID().uuidString.prefix(8))"
  let name = "ui"

  /// Printed by the wrapper shell after the binary exits, with its status.
  static let exitMarker = "dms-relay exited with "

  /// Starts `arguments` (the binary first) in `directory`, under a shell that then prints
  /// the exit status (128 + n after signal n) and keeps the pane open. The shell traps
  /// Ctrl-C so it survives the signal sent to the whole foreground group. bash is preferred:
  /// dash may report a trap's status instead of the binary's.
  init(_ arguments: [String], in directory: String, columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]) throws {
    var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    env.merge(environment) { $1 }
    // The test runner's own LINES/COLUMNS (which make curses ignore resizes) and NO_COLOR must
    // not leak in; only what the test asks for is set.
    let unset = ["NO_COLOR", "LINES", "COLUMNS"].filter { env[$0] == nil }.flatMap { ["-u", $0] }
    let command = ["env"] + unset + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + arguments
    let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash" : "/bin/sh"
    let script = "trap : INT; \"$@\"; status=$?; echo; echo \"\(Self.exitMarker)$status\"; sleep 600"
    try tmux(
      ["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", "-c", directory, shell, "-c", script, "sh"]
        + command)
  }

  deinit { kill() }

  func kill() { _ = try? tmux(["kill-server"]) }

  /// `send-keys` with tmux key names (`Enter`, `Tab`, `C-c`, `Escape`).
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

  /// Types literal text.
  func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

  /// Sends `signal` to the process running in the pane under the wrapper shell.
  func signalBinary(_ signal: Int32) throws {
    let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let children = EndToEnd.read("/proc/\(shell)/task/\(shell)/children") ?? ""
    for child in children.split(separator: " ").compactMap({ Int32($0) }) { sendSignal(child, signal) }
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// The screen as text; `escapes` keeps the colour codes.
  func capture(escapes: Bool = false) throws -> String {
    try tmux(["capture-pane", "-p", "-J", "-t", name] + (escapes ? ["-e"] : []))
  }

  /// Polls the screen until `text` shows up; returns the screen once it has settled.
  ///
  /// A frame can reach tmux in more than one write, and a capture between them shows the new
  /// header over the old body (a CI run saw "Step 6 of 7 · The plan" above step 5's password
  /// field). So after `text` appears this keeps capturing until two captures 50 ms apart
  /// agree, for at most `settle` seconds, and returns the last capture that holds `text`.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 10, settle: Double = 1) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while Date() < deadline {
      screen = try capture()
      if screen.contains(text) { return try settled(screen, holding: text, for: settle) }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw Failure.timeout(waitingFor: text, screen: screen)
  }

  /// Captures until two in a row agree or `seconds` pass; the last capture holding `text`.
  private func settled(_ first: String, holding text: String, for seconds: Double) throws -> String {
    let limit = Date().addingTimeInterval(seconds)
    var last = first
    var lastHolding = first
    while Date() < limit {
      Thread.sleep(forTimeInterval: 0.05)
      let next = try capture()
      if next.contains(text) { lastHolding = next }
      if next == last { break }
      last = next
    }
    return lastHolding
  }

  /// Waits for the binary to exit; returns its status (128 + n when killed by signal n).
  func waitForExit(timeout: Double = 10) throws -> Int32? {
    let screen = try waitFor(Self.exitMarker, timeout: timeout)
    guard let line = screen.split(separator: "\n").last(where: { $0.hasPrefix(Self.exitMarker) }) else { return nil }
    return Int32(line.dropFirst(Self.exitMarker.count).trimmingCharacters(in: .whitespaces))
  }

  /// Runs one tmux command and returns its output.
  ///
  /// Spawned with `posix_spawn` and reaped with `waitpid`, not with Foundation's `Process`:
  /// on Linux `Process` notices an exit through a descriptor the child inherits, and the
  /// tmux server that `new-session` forks keeps it open, so `waitUntilExit` would hang.
  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let argv = [Self.tmuxPath!, "-L", socket, "-f", "/dev/null"] + arguments
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    // Nothing else is inherited: the tmux server lives on and must not hold other tests'
    // descriptors (their `Process` would then wait for it too).
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for fd in open.compactMap({ Int32($0) }) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    // Default dispositions and an empty mask: the test runner may block or ignore signals
    // (SIGCHLD, SIGWINCH, SIGINT), and the tmux server and the UI would inherit that.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var all = sigset_t()
    var none = sigset_t()
    sigfillset(&all)
    sigemptyset(&none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArguments, environ)
    guard spawned == 0 else { throw Failure.tmux("cannot start tmux: \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = EndToEnd.read(outputPath) ?? ""
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    if exitStatus != 0, arguments.first != "kill-server" { throw Failure.tmux(text) }
    return text
  }

  /// Whether captured text (`capture(escapes: true)`) sets a foreground or background colour
  /// (SGR 30–37, 38, 40–47, 48, 90–97, 100–107; tmux's own 39/49 resets do not count).
  static func usesColour(_ text: String) -> Bool {
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1B}[") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(where: { !$0.isNumber && $0 != ";" }) else { break }
      let codes = rest[..<end].split(separator: ";").compactMap { Int($0) }
      if rest[end] == "m", codes.contains(where: { (30...38).contains($0) || (40...48).contains($0) || (90...107).contains($0) }) {
        return true
      }
      rest = rest[end...]
    }
    return false
  }

}

/// `kill(2)` (the name is taken by `TmuxSession.kill()`).
private func sendSignal(_ pid: pid_t, _ signal: Int32) {
  #if canImport(Glibc)
    _ = Glibc.kill(pid, signal)
  #elseif canImport(Darwin)
    _ = Darwin.kill(pid, signal)
  #endif
}

/// The binary under test and temp copies of fixtures.
enum EndToEnd {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `DMS_RELAY_BIN`, else the binary built with these tests, else the newest of
  /// `.build/debug` (CI) and `.build-tui/debug`.
  static let binary: String = {
    if let given = ProcessInfo.processInfo.environment["DMS_RELAY_BIN"] { return given }
    let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("dms-relay").path
    if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
    let candidates = [".build/debug/dms-relay", ".build-tui/debug/dms-relay"]
      .map { packageRoot.appendingPathComponent($0).path }
      .filter { FileManager.default.isExecutableFile(atPath: $0) }
    func modified(_ path: String) -> Date {
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
    return candidates.max { modified($0) < modified($1) } ?? packageRoot.appendingPathComponent(".build/debug/dms-relay").path
  }()

  /// A temp folder laid out like a DMS checkout from a fixture: the config files in
  /// `docker-data/dms/config/`, its `env` as `mailserver.env`.
  static func checkout(of fixture: String) throws -> String {
    let source = packageRoot.appendingPathComponent("Tests/RelayModelTests/Fixtures/dms/\(fixture)")
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-e2e-\(UUID().uuidString)").path
    let config = "\(root)/docker-data/dms/config"
    try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".cf") {
      try FileManager.default.copyItem(atPath: source.appendingPathComponent(name).path, toPath: "\(config)/\(name)")
    }
    let env = source.appendingPathComponent("env").path
    if FileManager.default.fileExists(atPath: env) {
      try FileManager.default.copyItem(atPath: env, toPath: "\(root)/mailserver.env")
      // As an admin keeps an env file with a password: 0600 (a looser one is warned about).
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(root)/mailserver.env")
    }
    return root
  }

  static func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }
}
