import Testing

@testable import RelayModel

/// Issue 11 §2, §4: no password is shown, whatever the line's shape.
@Suite("Passwords are redacted by Postfix logical lines and whatever the line's shape")
struct SecretRedactionTests {
  func redacted(_ text: String) -> String {
    let bodies = TextDocument(text: text).lines.map(\.body)
    return Redaction.saslPasswords.redactLines(bodies).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
  }

  @Test("§4 a continuation line (leading whitespace) after the ':' is password")
  func continuation() {
    #expect(redacted("@a.test user1:\n  ContS3cret1\n@b.test u:p\n") == "@a.test user1:\n  <redacted>\n@b.test u:<redacted>")
    // Comments and blank lines in between do not end the logical line.
    #expect(redacted("@a.test user1:x\n# note\n\n\tmore\n") == "@a.test user1:<redacted>\n# note\n\n\t<redacted>")
    // The value may start on the continuation line.
    #expect(redacted("@a.test\n  user1:S3cret\n") == "@a.test\n  user1:<redacted>")
  }

  @Test("§4 a line without the space hides everything after the first ':'; relay keys keep their port")
  func noSpace() {
    #expect(redacted("@h.test:user:KeyS3cret7\n") == "@h.test:<redacted>")
    #expect(redacted("[smtp.test]:587 u:p\n") == "[smtp.test]:587 u:<redacted>")
    #expect(redacted("smtp.test:587 u:p\n") == "smtp.test:587 u:<redacted>")
    #expect(Redaction.credentialKey("@h.test:user:KeyS3cret7") == "@h.test:<redacted>")
    #expect(Redaction.credentialKey("[smtp.test]:587") == "[smtp.test]:587")
  }

  @Test("§4 the dry-run diff of del-auth shows the continuation line redacted as context")
  func diffContext() throws {
    let old = "@a.test user1:\n  ContS3cret1\n@b.test u:p\n"
    let new = "  ContS3cret1\n@b.test u:p\n"
    let diff = UnifiedDiff.render(
      old: Array(old.utf8), new: Array(new.utf8), name: SaslPasswordFile.fileName, redaction: .saslPasswords)
    #expect(!diff.contains("S3cret"))
    #expect(diff.contains("-@a.test user1:\n"))
  }

  @Test("§2 the 'already' note of an unchanged add-auth never shows the password")
  func unchangedNote() throws {
    let doc = TextDocument(text: "# x\n@a.test user1:S3cretPW1\n")
    let result = try RelayEdit.addAuth(domain: "a.test", user: "user1", password: "S3cretPW1")
      .apply(to: doc, fileName: SaslPasswordFile.fileName)
    #expect(result.isNoOp)
    #expect(result.notes == ["postfix-sasl-password.cf:2: already '@a.test user1:<redacted>'; nothing to change"])
  }

  @Test("§4 generate's sasl_passwd lines are redacted by logical lines")
  func generated() throws {
    let sasl = SaslPasswordFile(bytes: Array("@a.test user1:\n  ContS3cret1\n@h.test:user:KeyS3cret7\n".utf8))
    let config = Configuration(saslPasswords: sasl)
    for name in ["11.3", "13.3.1", "15.1"] {
      let version = try DMSVersion.parse(name)
      let state = Generator.generate(config, family: version.family)
      let text = Reports.generateText(state, version: version, showSecrets: false)
      #expect(!text.contains("S3cret"), "\(name)")
    }
  }

  @Test("§12 control characters are escaped in a message line")
  func escaping() {
    #expect(ControlEscaping.line("a\nerror: fake") == "a\\nerror: fake")
    #expect(ControlEscaping.line("x\r\u{1B}[2J\u{202E}") == "x\\r\\x1b[2J\\u{202E}")
    #expect(ControlEscaping.line("tab\tok é") == "tab\tok é")
  }
}
