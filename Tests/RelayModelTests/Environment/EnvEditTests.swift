import Testing

@testable import RelayModel

@Suite("set-env and unset-env change only their lines of the env file")
struct EnvEditTests {
  func apply(_ edit: RelayEdit, _ text: String?) throws -> EditResult {
    try edit.apply(to: text.map(TextDocument.init(text:)), fileName: "mailserver.env")
  }

  @Test("replaces the last assignment in place, keeping its position and CRLF")
  func replaceLast() throws {
    let text = "# relay\r\nRELAY_HOST=a\r\nOTHER=1\r\nRELAY_HOST=b\r\nLAST=2\r\n"
    let result = try apply(.setEnv(key: "RELAY_HOST", value: "smtp.test"), text)
    #expect(result.document.text == "# relay\r\nRELAY_HOST=a\r\nOTHER=1\r\nRELAY_HOST=smtp.test\r\nLAST=2\r\n")
  }

  @Test("an unterminated assignment stays unterminated")
  func replaceUnterminated() throws {
    #expect(try apply(.setEnv(key: "RELAY_PORT", value: "587"), "A=1\nRELAY_PORT=25").document.text == "A=1\nRELAY_PORT=587")
  }

  @Test("indented or spaced assignments are recognised and rewritten canonically")
  func spaced() throws {
    #expect(try apply(.setEnv(key: "RELAY_USER", value: "u"), "  RELAY_USER =old\n").document.text == "RELAY_USER=u\n")
  }

  @Test("appends with the file's line ending")
  func append() throws {
    #expect(try apply(.setEnv(key: "RELAY_HOST", value: "h"), "A=1\n").document.text == "A=1\nRELAY_HOST=h\n")
    #expect(try apply(.setEnv(key: "RELAY_HOST", value: "h"), "A=1\r\nB=2\r\n").document.text == "A=1\r\nB=2\r\nRELAY_HOST=h\r\n")
    #expect(try apply(.setEnv(key: "RELAY_HOST", value: "h"), nil).document.text == "RELAY_HOST=h\n")
  }

  @Test("terminates an unterminated last line first, with the file's ending, and says so")
  func appendAfterUnterminated() throws {
    let crlf = try apply(.setEnv(key: "RELAY_HOST", value: "h"), "A=1\r\nB=2")
    #expect(crlf.document.text == "A=1\r\nB=2\r\nRELAY_HOST=h\r\n")
    #expect(crlf.notes == ["mailserver.env:2: the last line had no final newline; added one before appending"])
  }

  @Test("commented-out assignments are not touched")
  func commented() throws {
    #expect(try apply(.setEnv(key: "RELAY_HOST", value: "h"), "#RELAY_HOST=old\n").document.text == "#RELAY_HOST=old\nRELAY_HOST=h\n")
  }

  @Test("setting the same value is a no-op with a note")
  func noOp() throws {
    let result = try apply(.setEnv(key: "RELAY_HOST", value: "h"), "RELAY_HOST=h\n")
    #expect(result.isNoOp)
    #expect(result.notes == ["mailserver.env:1: RELAY_HOST already has this value; nothing to change"])
  }

  @Test("unset removes every assignment of the key, nothing else")
  func unset() throws {
    let result = try apply(.unsetEnv(key: "RELAY_PASSWORD"), "RELAY_PASSWORD=a\n#RELAY_PASSWORD=c\nX=1\nRELAY_PASSWORD=b")
    #expect(result.document.text == "#RELAY_PASSWORD=c\nX=1\n")
    #expect(result.notes == ["mailserver.env: removed lines 1, 4"])
    #expect(throws: EditError.nothingToRemove(file: "mailserver.env", what: "RELAY_USER is not assigned")) {
      try apply(.unsetEnv(key: "RELAY_USER"), "X=1\n")
    }
  }

  @Test("EnvFile parsing of the result agrees with the edit")
  func parsesBack() throws {
    let result = try apply(.setEnv(key: "RELAY_PASSWORD", value: "p=a ss#x"), "RELAY_PASSWORD=old\r\n")
    #expect(EnvFile(document: result.document).environment(path: "e")["RELAY_PASSWORD"] == "p=a ss#x")
  }
}
