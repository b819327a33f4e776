import Testing
@testable import RelayModel

@Suite("postfix-main.cf as Postfix reads main.cf")
struct PostfixMainCfFileTests {
  @Test("name = value, with or without blanks around '=', value trimmed (CRLF too)")
  func assignments() {
    let file = PostfixMainCfFile(text: "relayhost=[r.test]:587\nsmtp_tls_security_level   =   encrypt  \r\nempty =\n")
    #expect(file.assignments.map(\.key) == ["relayhost", "smtp_tls_security_level", "empty"])
    #expect(file.value("relayhost")?.value == "[r.test]:587")
    #expect(file.value("smtp_tls_security_level")?.value == "encrypt")
    #expect(file.value("empty")?.value == "")
    #expect(file.problems.isEmpty)
  }

  @Test("comments and blank lines are skipped; the last assignment wins, with its line")
  func lastWins() {
    let file = PostfixMainCfFile(text: "# comment\n\nrelayhost = a\n   # indented comment\nrelayhost = b\n")
    #expect(file.value("relayhost") == PostfixMainCfFile.Assignment(key: "relayhost", value: "b", line: 5))
  }

  @Test("a line starting with whitespace continues the logical line, as Postfix appends it")
  func continuation() {
    let file = PostfixMainCfFile(text: "relayhost = [a.test]:587\n  [b.test]:587\n# c\n\tmore\nx = y\n")
    #expect(file.value("relayhost")?.value == "[a.test]:587  [b.test]:587\tmore")
    #expect(file.value("x")?.line == 5)
  }

  @Test("a line without '=' or without a name is a fatal problem, with its line and Postfix's words")
  func problems() {
    let file = PostfixMainCfFile(text: "a = 1\nsmtp_tls_wrappermode yes\n= value\n")
    #expect(file.problems.map(\.line) == [2, 3])
    #expect(file.problems[0].reason == "missing '=' after attribute name")
    #expect(file.problems[0].text == "smtp_tls_wrappermode yes")
    #expect(file.problems[1].reason == "missing attribute name")
    #expect(file.assignments.map(\.key) == ["a"])
  }

  @Test("an indented first line continues DMS's own main.cf, not a setting of this file")
  func leadingContinuation() {
    let file = PostfixMainCfFile(text: "# note\n  relayhost = x\nmyhostname = m\n")
    #expect(file.leadingContinuation == 2)
    #expect(file.assignments.map(\.key) == ["myhostname"])
  }

  @Test("odd input: invalid UTF-8, NUL bytes, no final newline, a 60-character message cap")
  func oddInput() {
    let long = String(repeating: "x", count: 500)
    let file = PostfixMainCfFile(bytes: Array("a = \u{FF}\u{0}\n\(long)".utf8) + [0xFF, 0xFE])
    #expect(file.assignments.count == 1)
    #expect(file.problems.count == 1)
    #expect(file.problems[0].text.count <= 60)
    #expect(file.document.bytes == Array("a = \u{FF}\u{0}\n\(long)".utf8) + [0xFF, 0xFE])
  }

  @Test("a huge file (200,000 lines, one continuation of 100,000 lines) is read once, in linear time")
  func huge() {
    var text = ""
    for i in 0..<100_000 { text += "key\(i) = value\(i)\n" }
    text += "long = start\n"
    for _ in 0..<100_000 { text += " more\n" }
    let file = PostfixMainCfFile(text: text)
    #expect(file.assignments.count == 100_001)
    #expect(file.value("long")?.value.count == 5 + 100_000 * 5)
  }
}

@Suite("postfix-master.cf as DMS passes it to postconf -P")
struct PostfixMasterCfFileTests {
  @Test("service/type/parameter=value lines starting with [0-9a-z]; comments and others skipped")
  func overrides() {
    let file = PostfixMasterCfFile(
      text: "# c\nsmtp/unix/smtp_tls_wrappermode=yes\n  relay/unix/smtp_tls_security_level = encrypt\nSmtp/unix/x=y\nbad=1\n")
    let overrides = file.overrides(family: .v14plus)
    #expect(overrides.map(\.service) == ["smtp/unix", "relay/unix"])
    #expect(overrides.map(\.parameter) == ["smtp_tls_wrappermode", "smtp_tls_security_level"])
    #expect(overrides.map(\.value) == ["yes", "encrypt"])
    #expect(overrides.map(\.line) == [2, 3])
  }

  @Test("an unterminated last line: v14+ reads it, v11–v13's while-read loop never does")
  func unterminatedLastLine() {
    let file = PostfixMasterCfFile(text: "smtp/unix/a=1\nsmtp/unix/smtp_tls_wrappermode=yes")
    #expect(file.overrides(family: .v14plus).count == 2)
    #expect(file.overrides(family: .edge).count == 2)
    #expect(file.overrides(family: .v12to13).count == 1)
    #expect(file.overrides(family: .v11).count == 1)
  }
}
