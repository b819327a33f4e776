import Foundation
import Testing

/// The real binary in tmux on temp copies of fixtures: navigate, add through the dialog,
/// write, quit; then the files on disk and the exit status.
@Suite(
  "Terminal UI end to end (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct UIEndToEndTests {
  let config = "docker-data/dms/config"

  func start(_ fixture: String, version: String = "13.3.1", columns: Int = 100, rows: Int = 30, environment: [String: String] = [:]) throws -> (TmuxSession, String) {
    let root = try EndToEnd.checkout(of: fixture)
    let session = try TmuxSession(
      [EndToEnd.binary, "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", version],
      in: root, columns: columns, rows: rows, environment: environment)
    return (session, root)
  }

  @Test("navigate, add a domain through the dialog, write, quit: the new relay map is on disk")
  func addDomainAndWrite() throws {
    let (session, root) = try start("relay-host-user-password")
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 1")
    try session.press("2")
    try session.waitFor("[smtp.relay.test]:587")
    try session.press("4")
    try session.waitFor("@example.test")
    try session.press("1")
    try session.waitFor("Route on 13.3.1")
    try session.press("a")
    try session.waitFor("Add relay mapping")
    try session.type("corp.example")
    try session.press("Tab")
    try session.type("smtp.mailgun.org")
    try session.press("Tab")
    try session.type("2525")
    try session.waitFor("2525")
    try session.press("Enter")
    try session.waitFor("pending: route '@corp.example' via [smtp.mailgun.org]:2525")
    try session.waitFor("● 1 unsaved change")
    #expect(EndToEnd.read("\(root)/\(config)/postfix-relaymap.cf") == nil)
    try session.press("5")
    try session.waitFor("+@corp.example [smtp.mailgun.org]:2525")
    try session.press("w")
    try session.waitFor("Write 1 file(s)?")
    try session.press("y")
    try session.waitFor("created docker-data/dms/config/postfix-relaymap.cf")
    try session.waitFor("saved")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
    #expect(EndToEnd.read("\(root)/\(config)/postfix-relaymap.cf") == "@corp.example [smtp.mailgun.org]:2525\n")
  }

  @Test("editing an existing file keeps a .bak; q with unsaved changes asks first")
  func editAndQuitAsks() throws {
    let (session, root) = try start("seed-relaymap-no-relayhost", version: "15.1.0")
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    let relayMap = "\(root)/\(config)/postfix-relaymap.cf"
    try session.waitFor("1 Domains 2")
    try session.press("Down")
    try session.waitFor("@other.test")
    try session.press("x")
    try session.waitFor("pending: opt '@other.test' out of RELAY_HOST")
    try session.press("q")
    try session.waitFor("Quit without writing?")
    try session.press("n")
    try session.waitFor("not quitting")
    try session.press("w")
    try session.waitFor("postfix-relaymap.cf  (+1 −0)")
    try session.press("y")
    // Said on the status line; no notice to dismiss (issue 14 fix 12).
    try session.waitFor("wrote 1 file(s): wrote \(config)/postfix-relaymap.cf")
    #expect(EndToEnd.read(relayMap + ".bak") == "@example.test [smtp.relay.test]:587\n")
    try session.press("u")
    try session.waitFor("nothing to undo")
    try session.press("x")
    try session.waitFor("pending: remove the opt-out for '@other.test'")
    try session.press("q")
    try session.waitFor("Quit without writing?")
    try session.press("y")
    #expect(try session.waitForExit() == 0)
    try session.waitFor("quit with 1 unsaved change(s); nothing was written")
    #expect(EndToEnd.read(relayMap) == "@example.test [smtp.relay.test]:587\n@other.test \n")
    #expect(EndToEnd.read(relayMap + ".bak") == "@example.test [smtp.relay.test]:587\n")
  }

  @Test("an invalid dialog cannot be submitted; Esc leaves the files alone")
  func invalidDialog() throws {
    let (session, root) = try start("relay-host-user-password")
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 1")
    try session.press("a")
    try session.type("bad_domain")
    try session.waitFor("✖ contains '_'")
    try session.press("Enter")
    try session.waitFor("fix the marked field first")
    try session.press("Escape")
    try session.waitFor("cancelled: nothing changed")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
    #expect(EndToEnd.read("\(root)/\(config)/postfix-relaymap.cf") == nil)
  }

  @Test("a resize redraws; below 60×16 a notice replaces the screens")
  func resize() throws {
    let (session, root) = try start("relay-host-user-password")
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 1")
    try session.resize(columns: 50, rows: 12)
    try session.waitFor("Terminal too small")
    try session.resize(columns: 80, rows: 24)
    try session.waitFor("1 Domains 1")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test("SIGINT restores the terminal and exits by the signal (130), without writing pending changes")
  func controlC() throws {
    let (session, root) = try start("seed-relaymap-no-relayhost", version: "15.1.0")
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 2")
    try session.press("Down", "x")
    try session.waitFor("● 1 unsaved change")
    // Ctrl-C is a key that asks (InterruptEndToEndTests); a SIGINT from elsewhere ends the program.
    try session.signalBinary(SIGINT)
    #expect(try session.waitForExit() == 130)
    let screen = try session.capture()
    #expect(!screen.contains("1 Domains"))
    #expect(!screen.contains("Quit without writing?"))
    #expect(EndToEnd.read("\(root)/\(config)/postfix-relaymap.cf") == "@example.test [smtp.relay.test]:587\n")
  }

  @Test("SIGTERM restores the terminal and exits with 143")
  func sigterm() throws {
    let (session, root) = try start("relay-host-user-password")
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 1")
    try session.signalBinary(SIGTERM)
    #expect(try session.waitForExit() == 143)
    #expect(!(try session.capture()).contains("1 Domains"))
  }

  @Test("colours by default; none with NO_COLOR; ASCII drawing when the locale is not UTF-8")
  func colourAndLocale() throws {
    let (coloured, root) = try start("relay-host-user-password")
    defer {
      coloured.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try coloured.waitFor("1 Domains 1")
    #expect(TmuxSession.usesColour(try coloured.capture(escapes: true)))

    let (plain, plainRoot) = try start("relay-host-user-password", environment: ["NO_COLOR": "1"])
    defer {
      plain.kill()
      try? FileManager.default.removeItem(atPath: plainRoot)
    }
    try plain.waitFor("1 Domains 1")
    let escapes = try plain.capture(escapes: true)
    #expect(!TmuxSession.usesColour(escapes))
    #expect(escapes.contains("\u{1B}[7m"))  // reverse video stands in for colour

    let (ascii, asciiRoot) = try start("relay-host-user-password", environment: ["LANG": "C", "LC_ALL": "C"])
    defer {
      ascii.kill()
      try? FileManager.default.removeItem(atPath: asciiRoot)
    }
    let screen = try ascii.waitFor("1 Domains 1")
    #expect(screen.contains(" dms-relay | DMS 13.3.1 (v12-13) | docker-data/dms/config"))
    #expect(screen.contains("- @example.test -----"))
    // Bounces go direct (null-sender-direct), and encrypt then applies to them too.
    #expect(screen.contains(" X 0 errors  ! 2 warnings"))
    #expect(screen.contains(" ^v  move "))
    #expect(!screen.unicodeScalars.contains { !$0.isASCII })
  }

  @Test("dms-relay demo opens on the headline and removes its folder on exit; --keep keeps it")
  func demo() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-e2e-demo-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let session = try TmuxSession([EndToEnd.binary, "demo"], in: root, environment: ["TMPDIR": root])
    defer { session.kill() }
    try session.waitFor("no outbound mail will leave")
    try session.waitFor("Fix: add credentials")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).count == 1)
    // Screen 6 reads the demo's own mail log: example.com's mail went direct, against the files.
    try session.press("6")
    try session.waitFor("read 7 message(s) from /")
    try session.waitFor("≠ example.com")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)

    let kept = try TmuxSession([EndToEnd.binary, "demo", "--keep"], in: root, environment: ["TMPDIR": root])
    defer { kept.kill() }
    try kept.waitFor("no outbound mail will leave")
    try kept.press("q")
    #expect(try kept.waitForExit() == 0)
    let screen = try kept.waitFor("the demo files are in \(root)/dms-relay-demo-")
    #expect(screen.contains("(delete the folder when done)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).count == 1)
  }
}

@Suite("Terminal UI without a terminal")
struct NoTerminalTests {
  @Test("stdin/stdout not a TTY: one line on stderr, exit 64")
  func notATTY() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: EndToEnd.binary)
    process.arguments = ["--config-dir", "/nonexistent"]
    let out = Pipe(), err = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 64)
    #expect(stdout == "")
    #expect(
      stderr
        == "dms-relay: error: the terminal UI needs an interactive terminal (stdin and stdout are not both a TTY); for scripts use 'dms-relay preview' or 'dms-relay route'\n")
  }
}
