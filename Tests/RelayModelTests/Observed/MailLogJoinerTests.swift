import Testing
@testable import RelayModel

@Suite("Joining a real Postfix log by queue ID")
struct MailLogJoinerTests {
  @Test("every message of a real log: queue ID, time, sender, recipient, relay, status, DSN, reason")
  func realLogMessages() {
    let (messages, joiner) = join(RealPostfixLog.relayRequiresAuthV14)
    #expect(messages.count == 5)
    #expect(joiner.unreadLines == 0)
    let strict = messages.first { $0.sender == "user@strict.test" }
    #expect(
      strict
        == ObservedMessage(
          queueID: "3C4A2F7E0BF", time: LogTime(month: 12, day: 5, hour: 23, minute: 37, second: 11),
          sender: "user@strict.test", recipient: "t2.v15.relay-requires-auth@recipient.test",
          relay: "smtp.strict.test:587", status: .bounced, dsn: "5.7.0",
          reason: "host smtp.strict.test[127.128.1.25] said: 530 5.7.0 Authentication required (in reply to MAIL FROM command)"))
    #expect(
      messages.map(\.triple).sorted() == [
        " none bounced",  // the bounce notice to user@strict.test (sender <>)
        "someone@unknown-sender.test mx.recipient.test:25 sent",
        "user@authed.test smtp.strict.test:587 sent",
        "user@open.test smtp.default.test:25 sent",
        "user@strict.test smtp.strict.test:587 bounced",
      ])
  }

  @Test("smtp dying at startup leaves no status line: the message is deferred with the fatal's words")
  func silentDeferral() {
    let (messages, _) = join(RealPostfixLog.relayHostNoCredentialsV1213)
    #expect(messages.map(\.triple) == ["user@example.test - deferred", "someone@unknown-sender.test - deferred"])
    #expect(messages[0].reason?.contains("specify a password table") == true)
    #expect(FailureReason.classify(messages[0].reason ?? "", port: nil) == .noPasswordTable)
  }

  @Test("a relay value smtp cannot read: delivered mail stays sent, the message it died on is deferred")
  func smtpDiesMidRun() {
    let (messages, _) = join(RealPostfixLog.commentRelayValueV14)
    #expect(messages.first { $0.sender == "user@pending.test" }?.status == .deferred)
    #expect(messages.first { $0.sender == "user@ok.test" }?.triple == "user@ok.test smtp.ok.test:587 sent")
  }

  @Test("a duplicate texthash key: 'address resolver failure' deferrals carry trivial-rewrite's duplicate entry")
  func duplicateKey() {
    let (messages, _) = join(RealPostfixLog.duplicateKeysV14)
    let a = messages.first { $0.sender == "user@a.test" }
    #expect(a?.status == .deferred)
    #expect(a?.relay == "none")
    #expect(a?.dsn == "4.3.0")
    #expect(a?.reason?.hasPrefix("address resolver failure; trivial-rewrite: warning: texthash:") == true)
    #expect(a?.reason?.contains("duplicate entry: \"@A.TEST\"") == true)
    #expect(FailureReason.classify(a?.reason ?? "", port: nil) == .tableLookupFailed)
  }

  @Test("SASL failures, implicit TLS on 465 and a duplicate sasl key are told apart")
  func failureReasons() {
    let sasl = join(RealPostfixLog.saslKeyFormsV14).messages.first { $0.sender == "user@emptyuser.test" }
    #expect(sasl?.status == .deferred)
    #expect(FailureReason.classify(sasl?.reason ?? "", port: 2525) == .authenticationFailed)
    let tls = join(RealPostfixLog.implicitTls465V14).messages.first { $0.relay?.hasSuffix(":465") == true }
    #expect(tls?.status == .deferred)
    #expect(FailureReason.classify(tls?.reason ?? "", port: 465) == .greetingTimeoutImplicitTLS)
    let duplicate = join(RealPostfixLog.saslDuplicateEnvKeyV14).messages.first { $0.status == .deferred }
    #expect(duplicate?.reason?.contains("local data error") == true)
    #expect(FailureReason.classify(duplicate?.reason ?? "", port: 587) == .tableLookupFailed)
  }

  @Test("the same log in pieces of any size joins to the same messages", arguments: [1, 7, 64, 4096])
  func chunking(size: Int) {
    let whole = join(RealPostfixLog.saslKeyFormsV14).messages
    #expect(join(RealPostfixLog.saslKeyFormsV14, chunk: size).messages == whole)
  }

  @Test("a deferral then a delivery is one message, sent; a deferral then expiry is expired")
  func deferralsResolve() {
    let log = """
      Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<a@x.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=none, delay=1, delays=0/0/0/0, dsn=4.4.1, status=deferred (connect to y.test[192.0.2.1]:25: Connection refused)
      Dec  5 10:30:00 mail postfix/qmgr[1]: AAAAA1: from=<a@x.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:30:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=y.test[192.0.2.1]:25, delay=1, delays=0/0/0/0, dsn=2.0.0, status=sent (250 ok)
      Dec  5 10:30:01 mail postfix/qmgr[1]: AAAAA1: removed
      Dec  5 10:00:00 mail postfix/qmgr[1]: BBBBB2: from=<b@x.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[2]: BBBBB2: to=<r@y.test>, relay=none, delay=1, delays=0/0/0/0, dsn=4.4.1, status=deferred (connect to y.test[192.0.2.1]:25: Connection refused)
      Dec 10 10:00:00 mail postfix/qmgr[1]: BBBBB2: from=<b@x.test>, status=expired, returned to sender
      Dec 10 10:00:00 mail postfix/qmgr[1]: BBBBB2: removed

      """
    let messages = join(log).messages
    #expect(messages.map(\.triple) == ["a@x.test y.test:25 sent", "b@x.test none expired"])
    #expect(messages[1].reason == "connect to y.test[192.0.2.1]:25: Connection refused")
  }
}
