import Foundation
import Testing

/// `dms-relay check` as a user runs it: the built binary against fake relays on loopback.
@Suite("dms-relay check (CLI)", .serialized)
struct CheckCommandTests {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The binary built with this test bundle.
  static let binary: String = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundle.appendingPathComponent("dms-relay").path,
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dms-relay").path,
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/dms-relay").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  /// A DMS 14 config folder: `relaymap`, `sasl` and accounts, plus an empty env file.
  func config(relaymap: String, sasl: String?, accounts: [String]) throws -> [String] {
    let dir = try TestWorld.folder()
    try relaymap.write(toFile: "\(dir)/postfix-relaymap.cf", atomically: true, encoding: .utf8)
    if let sasl { try sasl.write(toFile: "\(dir)/postfix-sasl-password.cf", atomically: true, encoding: .utf8) }
    try accounts.map { "\($0)|{SHA512-CRYPT}$6$x$y\n" }.joined()
      .write(toFile: "\(dir)/postfix-accounts.cf", atomically: true, encoding: .utf8)
    try "".write(toFile: "\(dir)/mailserver.env", atomically: true, encoding: .utf8)
    return ["--config-dir", dir, "--env-file", "\(dir)/mailserver.env", "--dms-version", "14.0.0"]
  }

  func run(_ arguments: [String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test("two relays checked at once: exit 1 when one fails, JSON in the documented shape, no progress lines")
  func twoRelays() async throws {
    let good = try await FakeRelay(FakeRelay.Behaviour(), tls: try TestWorld.serverTLS(names: ["good.test"]))
    let bad = try await FakeRelay(FakeRelay.Behaviour(), tls: try TestWorld.serverTLS(names: ["bad.test"]))
    defer {
      Task {
        await good.stop(); await bad.stop()
      }
    }
    let options = try config(
      relaymap: "@a.test [127.0.0.1]:\(good.port)\n@b.test [127.0.0.1]:\(bad.port)\n",
      sasl: "@a.test relayuser:s3cret:pass\n@b.test relayuser:N0tTh3Pa55\n",
      accounts: ["ann@a.test", "bob@b.test", "cy@direct.test"])
    let output = try run(["check", "--json", "--timeout", "3"] + options)
    #expect(output.status == 1)
    let results = try #require(
      try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    #expect(results.map { $0["sender"] as? String } == ["ann@a.test", "bob@b.test"])
    #expect(results.map { $0["verdict"] as? String } == ["ok", "failed"])
    #expect(results[1]["failed_step"] as? String == "auth")
    let keys = results[0].keys.sorted()
    #expect(keys == ["explanation", "failed_step", "relay", "sender", "steps", "verdict"])
    let step = try #require((results[0]["steps"] as? [[String: Any]])?.first)
    #expect(step.keys.sorted() == ["ms", "ok", "reply", "step"])
    #expect(!output.stdout.contains("N0tTh3Pa55") && !output.stderr.contains("N0tTh3Pa55"))
    #expect(!output.stdout.contains("\u{1B}["))
  }

  @Test("--transcript shows the conversation with AUTH redacted; exit 0 when all pass")
  func transcript() async throws {
    let relay = try await FakeRelay(FakeRelay.Behaviour(), tls: try TestWorld.serverTLS(names: ["good.test"]))
    defer { Task { await relay.stop() } }
    let options = try config(
      relaymap: "@a.test [127.0.0.1]:\(relay.port)\n", sasl: "@a.test relayuser:s3cret:pass\n", accounts: ["ann@a.test"])
    let output = try run(["check", "--transcript", "--sender", "ann@a.test"] + options)
    #expect(output.status == 0)
    #expect(output.stdout.contains("ann@a.test via 127.0.0.1:\(relay.port): ok"))
    #expect(output.stdout.contains("    C: AUTH PLAIN <redacted>"))
    #expect(output.stdout.contains("    S: 235 2.7.0 Authentication successful"))
    #expect(!output.stdout.contains("s3cret"))
  }

  @Test("a relay value Postfix cannot parse: failed at plan with the route engine's reason")
  func unparsable() throws {
    let options = try config(relaymap: "@a.test [smtp.a.test:587\n", sasl: nil, accounts: ["ann@a.test"])
    let output = try run(["check"] + options)
    #expect(output.status == 1)
    #expect(output.stdout.contains("ann@a.test via -: failed (at plan)"))
    #expect(output.stdout.contains("the next hop '[smtp.a.test:587' cannot be parsed ('[' without ']')"))
  }

  @Test("usage errors exit 64 with one line")
  func usage() throws {
    let both = try run(["check", "--all", "--sender", "a@b.test"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("give either --sender or --all, not both"))
    let timeout = try run(["check", "--timeout", "0"])
    #expect(timeout.status == 64)
    let recipient = try run(["check", "--send-to", "nobody"])
    #expect(recipient.status == 64)
    #expect(recipient.stderr.contains("'nobody' is not a recipient address (user@domain)"))
  }

  @Test("a missing config folder exits 66")
  func noInput() throws {
    let output = try run(["check", "--config-dir", "/nonexistent/dms-relay-check", "--dms-version", "14.0.0"])
    #expect(output.status == 66)
  }
}
