import RelayModel

extension RelayCheck {
  /// The `auth` step as Postfix's smtp client does it: no credentials for this sender → no
  /// AUTH; the server offers none → none (Postfix goes on, and the relay may then answer
  /// 530 at MAIL FROM); otherwise the mechanism Cyrus would pick, with exactly the
  /// credentials of the sender's route. The transcript shows every client AUTH line as
  /// `<redacted>`.
  func authenticate(_ session: Session, _ connection: SMTPConnection, ehlo: SMTPReply) async throws {
    let offered = ehlo.authMechanisms
    session.run.serverOffersAuth = offered != nil
    guard let credentials = plan.credentials else {
      record(
        session, .auth, ok: true, reply: "no credentials match '\(plan.sender)': Postfix sends no AUTH",
        since: .now())
      return
    }
    guard let offered, !offered.isEmpty else {
      record(
        session, .auth, ok: true,
        reply: "the server offers no AUTH: Postfix sends the mail without logging in as '\(credentials.user)'",
        since: .now())
      return
    }
    let choice = CheckPlan.mechanism(offered: offered)
    guard let mechanism = choice.used else {
      record(
        session, .auth, ok: false, reply: "offered: \(offered.joined(separator: " ")); no PLAIN or LOGIN",
        since: .now())
      throw Stop(failure: .noMechanism(offered: offered))
    }
    session.run.mechanism = mechanism
    try await step(session, .auth) {
      let reply: SMTPReply
      if mechanism == "PLAIN" {
        let payload = Base64.encode([0] + Array(credentials.user.utf8) + [0] + Array(credentials.password.utf8))
        reply = try await connection.command(
          "AUTH PLAIN \(payload)", shown: "AUTH PLAIN <redacted>", timeout: timeout(session))
      } else {
        var next = try await connection.command("AUTH LOGIN", timeout: timeout(session))
        if next.code == 334 {
          next = try await connection.command(
            Base64.encode(credentials.user.utf8), shown: "<redacted>", timeout: timeout(session))
        }
        if next.code == 334 {
          next = try await connection.command(
            Base64.encode(credentials.password.utf8), shown: "<redacted>", timeout: timeout(session))
        }
        reply = next
      }
      session.run.authenticated = reply.code == 235
      var text = reply.wire
      if let preferred = choice.postfix, preferred != mechanism {
        text += "\n(Postfix would use \(preferred) here; this check speaks PLAIN and LOGIN)"
      }
      return (reply.code == 235, text, reply)
    }
  }
}
