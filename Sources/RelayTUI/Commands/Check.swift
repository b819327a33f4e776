import ArgumentParser
import Dispatch
import RelayLive
import RelayModel
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// `dms-relay check`: hold the SMTP session Postfix would hold for each sender, for real.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check relays for real: connect, TLS, AUTH and MAIL FROM exactly as Postfix would.",
    discussion: """
      Per sender: the route the preview predicts, then one SMTP session with its relay \
      (MX then A/AAAA for host, A/AAAA for [host]), STARTTLS as the TLS level asks, the \
      certificate, AUTH with the credentials Postfix picks for that sender, MAIL FROM and \
      QUIT. Nothing is sent unless --send-to is given. Default: one sender per distinct \
      relay and login. Exit status: 0 when every check passes, 1 when one fails, 64-78 \
      for usage and input errors.
      """)

  @OptionGroup var config: ConfigOptions

  @Option(name: .customLong("sender"), help: "A sender address to check (repeat for several).")
  var senders: [String] = []

  @Flag(help: "Check every known sender domain (direct ones are reported as skipped).")
  var all = false

  @Option(name: .customLong("send-to"), help: "Also send one marked test message to this recipient.")
  var sendTo: String?

  @Option(help: "Seconds each step may take (the whole check: six times that).")
  var timeout: Double = 10

  @Flag(help: "Print the SMTP conversation (AUTH exchanges redacted; to stderr with --json).")
  var transcript = false

  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if all && !senders.isEmpty { throw ValidationError("give either --sender or --all, not both") }
    if !(timeout > 0 && timeout <= 600) {
      throw ValidationError("--timeout must be between 0 and 600 seconds, not '\(timeout)'")
    }
    for sender in senders where !sender.contains("@") {
      throw ValidationError("'\(sender)' is not a sender address (user@domain or @domain)")
    }
    if let sendTo, SenderAddress(sendTo) == nil || sendTo.hasPrefix("@") {
      throw ValidationError("'\(sendTo)' is not a recipient address (user@domain)")
    }
  }

  func run() throws {
    var failed = false
    try reportingErrors {
      let loaded = try config.load()
      let version = try loaded.requireVersion()
      let preview = RoutingPreview(configuration: loaded.configuration, version: version)
      let selection: CheckSelection = all ? .all : senders.isEmpty ? .perRelay : .senders(senders)
      let targets = preview.checkTargets(selection, configuration: loaded.configuration, sendTo: sendTo)
      if targets.isEmpty {
        if json { print("[]") } else { print("Nothing to check: no sender's mail goes through a relay.") }
        return
      }
      let dns = NameResolution.testServer(fromEnvironment: getenv("DMS_RELAY_TEST_DNS").map { String(cString: $0) })
      let options = CheckOptions(
        stepTimeout: timeout, resolution: NameResolution(server: dns, timeoutSeconds: max(1, Int(timeout / 2))))
      let board = isatty(1) == 1 && !json ? ProgressBoard(targets) : nil
      let results = Self.runBlocking { await Self.checkAll(targets, options: options, board: board) }
      board?.finish()
      failed = results.contains { $0.verdict == .failed }
      if json {
        print(CheckResult.json(results), terminator: "")
        if transcript { for result in results { printError(Self.transcriptText(result)) } }
      } else {
        for result in results {
          print(Self.text(result), terminator: "")
          if transcript { print(Self.transcriptText(result), terminator: "") }
        }
      }
    }
    if failed { throw ExitCode(1) }
  }

  /// Every target's check, concurrently, in the targets' order.
  static func checkAll(_ targets: [CheckTarget], options: CheckOptions, board: ProgressBoard?) async -> [CheckResult] {
    await withTaskGroup(of: (Int, CheckResult).self) { group in
      for (index, target) in targets.enumerated() {
        if let result = target.resultWithoutCheck {
          board?.update(index, result.verdict.rawValue)
          group.addTask { (index, result) }
          continue
        }
        let plan = target.plan!
        group.addTask {
          let run = await RelayCheck.run(plan, options: options) { progress in
            if case .started(let step) = progress { board?.update(index, "\(step.rawValue) …") }
          }
          let result = CheckResult(plan: plan, run: run)
          board?.update(index, result.verdict == .ok ? "ok" : "failed at \(result.failedStep?.rawValue ?? "?")")
          return (index, result)
        }
      }
      var results = [CheckResult?](repeating: nil, count: targets.count)
      for await (index, result) in group { results[index] = result }
      return results.compactMap { $0 }
    }
  }

  // MARK: text

  static func text(_ result: CheckResult) -> String {
    var out = "\(result.sender) via \(result.relay ?? "-"): \(result.verdict.rawValue)"
    if let step = result.failedStep { out += " (at \(step.rawValue))" }
    out += "\n"
    for step in result.steps {
      let lines = step.reply.split(separator: "\n", omittingEmptySubsequences: false)
      let name = step.name.rawValue.padding(11)
      let time = "\(step.milliseconds) ms".leftPadding(8)
      out += "  \(step.ok ? "ok  " : "FAIL") \(name) \(time)  \(lines.first ?? "")\n"
      for line in lines.dropFirst() { out += String(repeating: " ", count: 29) + line + "\n" }
    }
    out += "  \(result.explanation)\n\n"
    return out
  }

  static func transcriptText(_ result: CheckResult) -> String {
    guard !result.transcript.isEmpty else { return "" }
    var out = "  transcript of \(result.sender) via \(result.relay ?? "-"):\n"
    for line in result.transcript { out += "    \(line.direction.rawValue): \(line.text)\n" }
    return out + "\n"
  }

  /// Runs async work from this synchronous command and waits for it (the main thread is
  /// not one of the concurrency pool's, so blocking it is safe).
  static func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox<T>()
    Task {
      result.set(await body())
      done.signal()
    }
    done.wait()
    return result.get()
  }
}

/// The value an async task hands back to `Check.runBlocking`.
final class ResultBox<T: Sendable>: Sendable {
  private let value = Mutex<T?>(nil)

  func set(_ newValue: T) { value.withLock { $0 = newValue } }
  func get() -> T { value.withLock { $0! } }
}

/// One progress line per check, updated in place on a terminal (never written otherwise).
final class ProgressBoard: Sendable {
  private let labels: [String]
  private let states: Mutex<[String]>

  init(_ targets: [CheckTarget]) {
    labels = targets.map { "\($0.sender) via \($0.plan?.relay ?? $0.route.relay ?? "-")" }
    states = Mutex(Array(repeating: "waiting", count: targets.count))
    var out = ""
    for label in labels { out += "  \(label): waiting\n" }
    Self.write(out)
  }

  /// Rewrites line `index` (the cursor stays below the block).
  func update(_ index: Int, _ state: String) {
    states.withLock { states in
      states[index] = state
      let up = labels.count - index
      // Up to the line, clear it, write, back down.
      Self.write("\u{1B}[\(up)A\r\u{1B}[2K  \(labels[index]): \(state)\u{1B}[\(up)B\r")
    }
  }

  /// Leaves the final states on screen and a blank line before the report.
  func finish() { Self.write("\n") }

  private static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in writeStandardOutput(UnsafeRawBufferPointer(bytes)) }
  }
}

extension String {
  /// Padded with spaces on the right to `width` characters.
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  /// Padded with spaces on the left to `width` characters.
  fileprivate func leftPadding(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
