import RelayModel

#if canImport(Glibc)
  import Glibc
#endif

extension RelayCheck {
  /// `RCPT TO` and `DATA` with one test message, only with `--send-to`.
  func sendTestMessage(_ session: Session, _ connection: SMTPConnection, to recipient: String) async throws {
    try await step(session, .rcptTo) {
      let reply = try await connection.command("RCPT TO:<\(recipient)>", timeout: timeout(session))
      return (reply.code == 250 || reply.code == 251, reply.wire, reply)
    }
    try await step(session, .data) {
      let go = try await connection.command("DATA", timeout: timeout(session))
      guard go.code == 354 else { return (false, go.wire, go) }
      for line in Self.testMessage(from: plan.sender, to: recipient, relay: plan.relay, helo: options.heloName) {
        try await connection.send(line)
      }
      let reply = try await connection.command(".", timeout: timeout(session))
      return (reply.code == 250, reply.wire, reply)
    }
  }

  /// The one test message: marked in its subject, a header and its body as a test that
  /// needs no action, and auto-generated (no auto-replies). No line starts with '.'.
  static func testMessage(from sender: String, to recipient: String, relay: String, helo: String) -> [String] {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S +0000", &parts)
    let date = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return [
      "From: <\(sender)>",
      "To: <\(recipient)>",
      "Subject: [dms-relay check] test message via \(relay)",
      "Date: \(date)",
      "Message-ID: <dms-relay-check.\(now).\(UInt32.random(in: 0...UInt32.max))@\(helo)>",
      "Auto-Submitted: auto-generated",
      "X-DMS-Relay-Check: test",
      "",
      "This is a test message sent by 'dms-relay check --send-to'.",
      "It proves that \(relay) accepts mail from \(sender) with the",
      "credentials and TLS settings Postfix uses for it. Nothing needs to be done.",
    ]
  }
}
