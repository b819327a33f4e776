import Testing
@testable import RelayModel

@Suite("Hostile mail logs: no crash, unreadable lines counted")
struct HostileLogTests {
  static let good = """
    Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<a@x.test>, size=1, nrcpt=1 (queue active)
    Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=y.test[192.0.2.1]:25, delay=1, delays=0/0/0/0, dsn=2.0.0, status=sent (250 ok)
    Dec  5 10:00:01 mail postfix/qmgr[1]: AAAAA1: removed

    """

  @Test("an empty log and a log of blank lines give nothing")
  func empty() {
    for log in ["", "\n\n\r\n"] {
      let (messages, joiner) = join(log)
      #expect(messages.isEmpty)
      #expect(joiner.unreadLines == 0)
      #expect(joiner.summaries().isEmpty)
    }
  }

  @Test("other programs' lines, dovecot, amavis, rsyslog and compose prefixes are skipped or read")
  func mixed() {
    let log = """
      Dec  5 09:59:59 mail dovecot: imap-login: Login: user=<a@x.test>, method=PLAIN
      Dec  5 09:59:59 mail amavis[123]: (00123-01) Passed CLEAN {RelayedInbound}, <a@x.test> -> <r@y.test>
      Dec  5 09:59:59 mail rsyslogd: [origin software="rsyslogd"] start
      Dec  5 09:59:59 mail opendkim[9]: AAAAA1: DKIM-Signature field added
      mailserver  | Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<a@x.test>, size=1, nrcpt=1 (queue active)
      2026-12-05T10:00:01.123456+00:00 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=y.test[192.0.2.1]:25, delay=1, delays=0/0/0/0, dsn=2.0.0, status=sent (250 ok)

      """
    let (messages, joiner) = join(log)
    #expect(messages.map(\.triple) == ["a@x.test y.test:25 sent"])
    #expect(messages[0].time == LogTime(year: 2026, month: 12, day: 5, hour: 10, minute: 0, second: 1))
    #expect(joiner.unreadLines == 0)
  }

  @Test("truncated Postfix lines are counted, interleaved messages still join")
  func truncatedAndInterleaved() {
    let log = """
      Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<a@x.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:00 mail postfix/qmgr[1]: BBBBB2: from=<b@x.t
      Dec  5 10:00:00 mail postfix/qmgr[1]: CCCCC3: from=<c@x.test>, size=1, nrcpt=2 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[3]: CCCCC3: to=<r1@y.test>, relay=y.test[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 ok)
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=y.test[192.0.2.1]:25, delay=1, delays=0/0/0/
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=y.test[192.0.2.1]:25, dsn=2.0.0, status=sent (250 ok)
      Dec  5 10:00:02 mail postfix/lmtp[4]: CCCCC3: to=<r2@x.test>, relay=mail.x.test[private/dovecot-lmtp], delay=1, dsn=2.0.0, status=sent (250 2.0.0 Saved)
      Dec  5 10:00:02 mail postfix/qmgr[1]: CCCCC3: removed
      Dec  5 10:00:02 mail postfix/qmgr[1]: AAAAA1: removed
      Dec  5 10:00:0
      """
    let (messages, joiner) = join(log)
    #expect(messages.map(\.triple) == ["c@x.test y.test:25 sent", "a@x.test y.test:25 sent", "c@x.test local sent"])
    #expect(joiner.unreadLines == 2)  // BBBBB2's from=< and AAAAA1's first, cut, delivery line
    let x = joiner.summaries().first { $0.domain == "x.test" }
    #expect(x?.observed.map(\.route).sorted() == ["direct", "local"])
  }

  @Test("bytes that are not UTF-8 survive as U+FFFD and the JSON stays valid")
  func notUTF8() {
    var bytes = Array("Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<a".utf8) + [0xFF, 0xC3]
    bytes += Array("@x.test>, size=1, nrcpt=1 (queue active)\n".utf8)
    bytes += [0xFE, 0xFF, 0x00, 0x0A]  // a binary line
    bytes += Array("Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=none, dsn=5.1.1, status=bounced (bad \"".utf8)
    bytes += [0x80] + Array(")\n".utf8)
    let (messages, joiner) = join(bytes: bytes)
    #expect(messages.count == 1)
    #expect(messages[0].sender == "a\u{FFFD}\u{FFFD}@x.test")
    #expect(messages[0].reason == "bad \"\u{FFFD}")
    #expect(joiner.unreadLines == 0)
    var json: [UInt8] = []
    var writer = ObservedJSONWriter { json += $0 }
    bytes.withUnsafeBytes { all in
      var again = MailLogJoiner()
      again.consume(all) { writer.message($0) }
      again.finish { writer.message($0) }
    }
    writer.finish(senders: joiner.summaries(), unreadLines: 0)
    let text = String(decoding: json, as: UTF8.self)
    #expect(String(validating: json, as: UTF8.self) != nil)
    #expect(text.contains(#""reason": "bad \"\#u{FFFD}""#))
  }

  @Test("a 10 MB line is skipped and counted once, in one chunk or in many")
  func hugeLine() {
    var bytes = Array("Dec  5 09:00:00 mail postfix/smtp[2]: ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 10 << 20)
    bytes.append(0x0A)
    bytes += Array(Self.good.utf8)
    for chunk in [nil, 65536] as [Int?] {
      let (messages, joiner) = join(bytes: bytes, chunk: chunk)
      #expect(messages.map(\.triple) == ["a@x.test y.test:25 sent"])
      #expect(joiner.unreadLines == 1)
    }
  }

  @Test("a queue ID longer than Postfix's is unreadable, not a crash")
  func longQueueID() {
    let log = "Dec  5 10:00:00 mail postfix/qmgr[1]: ABCDEFGHIJKLMNOPQRSTUVWXYZ: from=<a@x.test>, size=1, nrcpt=1 (queue active)\n"
    #expect(join(log).joiner.unreadLines == 1)
  }
}
