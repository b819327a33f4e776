import Testing
@testable import RelayModel

@Suite("What the log shows held against the preview")
struct ObservedComparisonTests {
  @Test("the suite's real log agrees with the prediction for every domain, a 530 bounce included")
  func agrees() throws {
    let (_, joiner) = join(RealPostfixLog.relayRequiresAuthV14, comparison: try comparison(relayRequiresAuth, "15.1.0"))
    let summaries = joiner.summaries()
    #expect(summaries.map(\.domain) == ["authed.test", "open.test", "strict.test", "unknown-sender.test"])
    #expect(summaries.allSatisfy { $0.agrees == true })
    let strict = summaries[2]
    #expect(strict.predicted?.summary == "relayed via [smtp.strict.test]:587 (no AUTH)")
    #expect(strict.observed.map { "\($0.route) \($0.status) \($0.count)" } == ["via smtp.strict.test:587 bounced 1"])
    #expect(strict.observed[0].reasonCode == .authenticationRequired)
    #expect(
      strict.observed[0].reason
        == "'smtp.strict.test:587' requires authentication and none was sent (530): add credentials for it (`setup relay add-auth`, or RELAY_USER/RELAY_PASSWORD)")
    #expect(summaries[3].observed.map(\.route) == ["direct"])
  }

  @Test("mail that went direct although the files route it via a relay: the mismatch explained")
  func wentDirect() throws {
    let config = configuration(relayMap: "@a.test [smtp.sendgrid.net]:587\n", accounts: "u@a.test|{PLAIN}x\n")
    var log = ""
    for i in 0..<42 {
      let qid = String(format: "A%05X", i)
      log += "Dec  5 10:\(i < 10 ? "0" : "")\(min(59, 2 + i)):00 mail postfix/qmgr[1]: \(qid): from=<u@a.test>, size=1, nrcpt=1 (queue active)\n"
      log += "Dec  5 10:\(i < 10 ? "0" : "")\(min(59, 2 + i)):01 mail postfix/smtp[2]: \(qid): to=<r@y.test>, relay=mx.y.test[192.0.2.1]:25, dsn=2.0.0, status=sent (250 ok)\n"
    }
    let summaries = join(log, comparison: try comparison(config, "15.1.0")).joiner.summaries()
    #expect(summaries.count == 1)
    #expect(summaries[0].agrees == false)
    #expect(
      summaries[0].explanation
        == "42 messages from a.test went direct since 10:02 although the files route it via [smtp.sendgrid.net]:587 — the container runs the configuration from before your change: env changes need `docker compose up -d`, file changes wait for change detection or `docker compose restart` (`dms-relay drift` names what is not applied)")
  }

  @Test("with LDAP the explanation says change detection never re-applies relay files")
  func ldap() throws {
    let config = configuration(
      relayMap: "@a.test [smtp.other.test]:587\n",
      env: ["ACCOUNT_PROVISIONER": "LDAP", "RELAY_HOST": "smtp.relay.test", "RELAY_PORT": "587"])
    let log = """
      Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<u@a.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=smtp.relay.test[192.0.2.9]:587, dsn=2.0.0, status=sent (250 ok)

      """
    let summary = join(log, comparison: try comparison(config, "15.1.0")).joiner.summaries()[0]
    #expect(summary.agrees == false)
    #expect(summary.observed.map(\.route) == ["via smtp.relay.test:587"])
    #expect(summary.explanation?.hasPrefix("1 message from a.test went via smtp.relay.test:587 since 10:00 although the files route it via [smtp.other.test]:587 — ") == true)
    #expect(summary.explanation?.contains("with ACCOUNT_PROVISIONER=LDAP, change detection never re-applies relay files") == true)
  }

  @Test("mail predicted deferred that was sent disagrees; --sender-domain keeps one domain")
  func deferredButSent() throws {
    let (_, joiner) = join(
      RealPostfixLog.relayHostNoCredentialsV1213 + "\n" + HostileLogTests.good,
      comparison: try comparison(configuration(env: ["RELAY_HOST": "smtp.relay.test"]), "13.3.1"))
    let byDomain = Dictionary(uniqueKeysWithValues: joiner.summaries().map { ($0.domain, $0) })
    #expect(byDomain["example.test"]?.agrees == true)  // predicted error, observed deferred (no status line)
    #expect(byDomain["x.test"]?.agrees == false)
    #expect(byDomain["x.test"]?.explanation?.hasPrefix("1 message from x.test went direct since 10:00 although the files predict Postfix's smtp client dies") == true)
    let only = join(HostileLogTests.good + RealPostfixLog.relayRequiresAuthV14, senderDomain: "X.TEST")
    #expect(only.messages.map(\.triple) == ["a@x.test y.test:25 sent"])
  }

  @Test("deferred at the recipient's MX although the files route it via a relay")
  func deferredGoingDirect() throws {
    let config = configuration(relayMap: "@a.test [smtp.relay.test]:587\n")
    let log = """
      Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<u@a.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=mx.y.test[192.0.2.1]:25, dsn=4.7.1, status=deferred (host mx.y.test[192.0.2.1] said: 450 4.7.1 greylisted)

      """
    let summary = join(log, comparison: try comparison(config, "15.1.0")).joiner.summaries()[0]
    #expect(summary.agrees == false)
    #expect(summary.explanation?.hasPrefix("1 message from a.test was deferred going direct since 10:00 although the files route it via [smtp.relay.test]:587") == true)
    #expect(summary.observed.map { "\($0.route) \($0.status) \($0.reasonCode.map(\.rawValue) ?? "-")" } == ["direct deferred other"])
  }
}
