import Foundation
import RelayLive
import RelayModel
import Testing

/// The same fake relays checked by swaks (Debian's package) with the same TLS, credentials
/// and sender: both must reach the same verdict.
@Suite(
  "dms-relay check and swaks agree", .serialized,
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/swaks")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"),
    "swaks (scripts/install-postfix-deps) is not installed"))
struct SwaksComparisonTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var behaviour: FakeRelay.Behaviour
    var credentials: String?
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    var refusing = FakeRelay.Behaviour()
    refusing.mailFromReply = "553 5.7.1 Sender address rejected: not owned by user relayuser"
    var closing = FakeRelay.Behaviour()
    closing.closeAfterGreeting = true
    var silent = FakeRelay.Behaviour()
    silent.greeting = nil
    var loginOnly = FakeRelay.Behaviour()
    loginOnly.mechanisms = ["LOGIN"]
    return [
      Case(name: "accepts", behaviour: FakeRelay.Behaviour(), credentials: "relayuser:s3cret:pass"),
      Case(name: "LOGIN only", behaviour: loginOnly, credentials: "relayuser:s3cret:pass"),
      Case(name: "535", behaviour: FakeRelay.Behaviour(), credentials: "relayuser:wrong-one"),
      Case(name: "530 without credentials", behaviour: FakeRelay.Behaviour(), credentials: nil),
      Case(name: "refuses the sender", behaviour: refusing, credentials: "relayuser:s3cret:pass"),
      Case(name: "closes after the greeting", behaviour: closing, credentials: "relayuser:s3cret:pass"),
      Case(name: "never answers", behaviour: silent, credentials: "relayuser:s3cret:pass"),
    ]
  }()

  @Test("same verdict", arguments: cases)
  func sameVerdict(_ test: Case) async throws {
    let server = try await FakeRelay(test.behaviour, tls: try TestWorld.serverTLS(names: ["relay.example.test"]))
    let plan = try TestWorld.plan(relay: "[127.0.0.1]:\(server.port)", credentials: test.credentials)
    // Only the silent relay's verdict depends on the step time (both tools give up after 2 s);
    // the others get room for TLS under `swift test`'s parallel load, where 2 s (12 s overall)
    // has run out before the handshake finished.
    let step: Double = test.name == "never answers" ? 2 : 10
    let result = CheckResult(plan: plan, run: await RelayCheck.run(plan, options: TestWorld.options(step: step)))

    var arguments = [
      "--server", "127.0.0.1", "--port", "\(server.port)", "--from", plan.sender, "--to", "nobody@remote.test",
      "--quit-after", "FROM", "--timeout", "2", "--tls",
    ]
    if let credentials = plan.credentials {
      arguments += ["--auth", "PLAIN,LOGIN", "--auth-user", credentials.user, "--auth-password", credentials.password]
    }
    let swaks = Process()
    // The test process blocks signals that children inherit; swaks's --timeout is SIGALRM,
    // so it runs through a shim that clears the mask first.
    swaks.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    swaks.arguments =
      [
        "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
        "/usr/bin/swaks",
      ] + arguments
    swaks.standardOutput = FileHandle.nullDevice
    swaks.standardError = FileHandle.nullDevice
    swaks.standardInput = FileHandle.nullDevice
    try swaks.run()
    // Polled, so no thread of the concurrency pool is blocked while swaks runs.
    while swaks.isRunning { try await Task.sleep(for: .milliseconds(50)) }
    await server.stop()
    #expect((swaks.terminationStatus == 0) == (result.verdict == .ok), "\(result.explanation)")
  }
}
