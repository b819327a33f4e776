import Foundation
import Testing

@testable import RelayModel

@Suite("RelayEdit writes what DMS's setup relay writes")
struct RelayEditApplyTests {
  static let relay = RelayMapFile.fileName
  static let sasl = SaslPasswordFile.fileName

  func apply(_ edit: RelayEdit, _ text: String?, file: String = relay) throws -> EditResult {
    try edit.apply(to: text.map(TextDocument.init(text:)), fileName: file)
  }

  func dms(_ edit: RelayEdit, _ bytes: [UInt8]?) throws -> DMSOracle.Outcome {
    switch edit {
    case .addDomain(let d, let h, let p):
      return try DMSOracle.replace(bytes, in: .relayMap, key: "@\(d)", value: "[\(h)]:\(p)")
    case .addAuth(let d, let u, let pw):
      return try DMSOracle.replace(bytes, in: .saslPasswords, key: "@\(d)", value: "\(u):\(pw)")
    case .excludeDomain(let d):
      return try DMSOracle.replace(bytes, in: .relayMap, key: "@\(d)", value: "")
    case .delDomain(let d):
      return try DMSOracle.remove(bytes, in: .relayMap, key: "@\(d)")
    case .delAuth(let d):
      return try DMSOracle.remove(bytes, in: .saslPasswords, key: "@\(d)")
    default:
      Issue.record("no DMS equivalent for \(edit)")
      return DMSOracle.Outcome(bytes: nil, status: 1, stderr: "")
    }
  }

  // MARK: - Hand-written cases

  @Test("add-domain appends '@D [H]:P' with LF, port 25 by default")
  func appendDefaultPort() throws {
    let result = try apply(.addDomain(domain: "example.com", host: "smtp.relay.test"), "# relays\n")
    #expect(result.document.text == "# relays\n@example.com [smtp.relay.test]:25\n")
    #expect(result.notes.isEmpty)
    #expect(!result.isNoOp)
  }

  @Test("add-domain creates the file when it does not exist")
  func createsFile() throws {
    let result = try apply(.addDomain(domain: "example.com", host: "10.0.0.1", port: 587), nil)
    #expect(result.document.text == "@example.com [10.0.0.1]:587\n")
  }

  @Test("IPv6 hosts are bracketed like any other host")
  func ipv6() throws {
    let result = try apply(.addDomain(domain: "example.com", host: "2001:db8::1", port: 587), "")
    #expect(result.document.text == "@example.com [2001:db8::1]:587\n")
  }

  @Test("replaces a tab-separated line whole, keeping every other byte")
  func replaceTab() throws {
    let before = "a\r\n@example.com\t[old]:25 # note\r\n@example.com.au [au]:25\r\nz"
    let result = try apply(.addDomain(domain: "example.com", host: "new.test", port: 587), before)
    #expect(result.document.text == "a\r\n@example.com [new.test]:587\n@example.com.au [au]:25\r\nz")
    #expect(result.notes == ["postfix-relaymap.cf:2: the replaced line now ends in LF, as DMS's sed writes it; the file's other lines keep CRLF"])
  }

  @Test("a replaced unterminated last line stays unterminated")
  func replaceLastUnterminated() throws {
    let result = try apply(.excludeDomain(domain: "example.com"), "x\n@example.com [h]:25")
    #expect(result.document.text == "x\n@example.com ")
  }

  @Test("exclude-domain writes '@D ' with its trailing space, and replaces a relay line")
  func exclude() throws {
    #expect(try apply(.excludeDomain(domain: "a.test"), "").document.text == "@a.test \n")
    #expect(try apply(.excludeDomain(domain: "a.test"), "@a.test [h]:25\n").document.text == "@a.test \n")
  }

  @Test("add-domain replaces an opt-out written by exclude-domain")
  func addOverOptOut() throws {
    let result = try apply(.addDomain(domain: "a.test", host: "h.test"), "@a.test \n")
    #expect(result.document.text == "@a.test [h.test]:25\n")
  }

  @Test("'@D' alone on an LF line is not a key match: DMS appends")
  func bareOptOutIsNotMatched() throws {
    let result = try apply(.addDomain(domain: "a.test", host: "h.test"), "@a.test\n")
    #expect(result.document.text == "@a.test\n@a.test [h.test]:25\n")
  }

  @Test("'@D' alone on a CRLF line matches (\\s includes \\r) and is replaced")
  func crlfBareOptOutIsMatched() throws {
    let result = try apply(.addDomain(domain: "a.test", host: "h.test"), "@a.test\r\n")
    #expect(result.document.text == "@a.test [h.test]:25\n")
  }

  @Test("an indented line is not matched (DMS anchors at ^)")
  func indentedNotMatched() throws {
    let result = try apply(.addDomain(domain: "a.test", host: "h.test"), "  @a.test [x]:25\n")
    #expect(result.document.text == "  @a.test [x]:25\n@a.test [h.test]:25\n")
  }

  @Test("'.' in the domain is literal: @aXtest is not @a.test")
  func dotIsLiteral() throws {
    let result = try apply(.addDomain(domain: "a.test", host: "h.test"), "@aXtest [x]:25\n")
    #expect(result.document.text == "@aXtest [x]:25\n@a.test [h.test]:25\n")
  }

  @Test("add-auth writes '@D USER:PASSWORD' in the sasl file, '/' and '&' literally")
  func addAuth() throws {
    let result = try apply(
      .addAuth(domain: "example.com", user: "relay-user", password: "p/a&ss:w#rd"),
      "@example.com old:secret\n", file: Self.sasl)
    #expect(result.document.text == "@example.com relay-user:p/a&ss:w#rd\n")
  }

  @Test("the same entry again is a no-op with a note (DMS fails 'No difference')")
  func noOp() throws {
    let text = "@example.com [h.test]:25\n"
    let result = try apply(.addDomain(domain: "example.com", host: "h.test"), text)
    #expect(result.isNoOp)
    #expect(result.document.text == text)
    #expect(result.notes == ["postfix-relaymap.cf:1: already '@example.com [h.test]:25'; nothing to change"])
    let oracle = try dms(.addDomain(domain: "example.com", host: "h.test"), Array(text.utf8))
    #expect(oracle.status == 1)
    #expect(oracle.stderr.contains("No difference"))
  }

  @Test("appending after an unterminated last line terminates it first, with the file's ending")
  func appendAfterUnterminated() throws {
    let lf = try apply(.addDomain(domain: "b.test", host: "h.test"), "@a.test [x]:25")
    #expect(lf.document.text == "@a.test [x]:25\n@b.test [h.test]:25\n")
    #expect(lf.notes == ["postfix-relaymap.cf:1: the last line had no final newline; added one before appending (DMS's 'echo >>' would glue the new entry onto it)"])
    let crlf = try apply(.addDomain(domain: "b.test", host: "h.test"), "# x\r\n@a.test [x]:25")
    #expect(crlf.document.text == "# x\r\n@a.test [x]:25\r\n@b.test [h.test]:25\n")
    // What DMS does instead: glues the entry onto the last line.
    let oracle = try dms(.addDomain(domain: "b.test", host: "h.test"), Array("@a.test [x]:25".utf8))
    #expect(oracle.bytes == Array("@a.test [x]:25@b.test [h.test]:25\n".utf8))
  }

  @Test("a key present only in another letter case is refused, naming file, line and spellings")
  func otherCaseRefused() throws {
    let text = "# x\n@Example.COM [h]:25\n"
    #expect(throws: EditError.keySpelledDifferently(
      location: SourceLocation(file: "postfix-relaymap.cf", line: 2), existing: "@Example.COM",
      requested: "@example.com")
    ) {
      try apply(.addDomain(domain: "example.com", host: "h.test"), text)
    }
    let message = EditError.keySpelledDifferently(
      location: SourceLocation(file: "postfix-relaymap.cf", line: 2), existing: "@Example.COM",
      requested: "@example.com"
    ).description
    #expect(message == "postfix-relaymap.cf:2: the file has '@Example.COM', which DMS treats as '@example.com' when looking it up but not when replacing it; Postfix folds both to one key. Remove or fix that line first (e.g. dms-relay del-domain 'Example.COM')")
    // DMS: grep -i finds it, sed changes nothing, sedfile fails.
    let oracle = try dms(.addDomain(domain: "example.com", host: "h.test"), Array(text.utf8))
    #expect(oracle.status == 1)
    #expect(oracle.bytes == Array(text.utf8))
  }

  @Test("a '\\' in a replaced value is written literally (DMS's sed would read it as an escape)")
  func backslash() throws {
    let edit = RelayEdit.addAuth(domain: "a.test", user: "u", password: #"p\nq"#)
    let result = try apply(edit, "@a.test u:old\n", file: Self.sasl)
    #expect(result.document.text == #"@a.test u:p\nq"# + "\n")
    #expect(result.notes == [#"postfix-sasl-password.cf:1: the new value contains '\', written as is; DMS's own 'setup relay' would have passed it through sed, which reads '\n', '\1' … as escapes"#])
    let oracle = try dms(edit, Array("@a.test u:old\n".utf8))
    #expect(oracle.bytes == Array("@a.test u:p\nq\n".utf8))
    // Appending goes through 'echo', which DMS leaves literal: equal bytes.
    let appended = try apply(edit, "", file: Self.sasl)
    #expect(try dms(edit, []).bytes == appended.document.bytes)
  }

  @Test("a second line with the key is removed instead of becoming a duplicate")
  func duplicateRemoved() throws {
    let text = "@a.test [x]:25\n# c\n@a.test \n"
    let result = try apply(.addDomain(domain: "a.test", host: "h.test"), text)
    #expect(result.document.text == "@a.test [h.test]:25\n# c\n")
    #expect(result.notes == ["postfix-relaymap.cf:3: removed a second '@a.test' line (DMS would rewrite it into a duplicate of line 1; Postfix refuses tables with duplicate keys)"])
    let oracle = try dms(.addDomain(domain: "a.test", host: "h.test"), Array(text.utf8))
    #expect(oracle.bytes == Array("@a.test [h.test]:25\n# c\n@a.test [h.test]:25\n".utf8))
  }

  @Test("del-domain removes every '@D<space>' line, case-sensitively")
  func delDomain() throws {
    let result = try apply(.delDomain(domain: "a.test"), "@a.test [x]:25\n@A.test [y]:25\n@a.test\t[z]:1\r\n@a.testx y\n")
    #expect(result.document.text == "@A.test [y]:25\n@a.testx y\n")
    #expect(result.notes == ["postfix-relaymap.cf: removed lines 1, 3"])
  }

  @Test("del-auth with nothing to remove says so")
  func delAuthNothing() throws {
    #expect(throws: EditError.nothingToRemove(file: "postfix-sasl-password.cf", what: "no line starts with '@a.test'")) {
      try apply(.delAuth(domain: "a.test"), "@b.test u:p\n", file: Self.sasl)
    }
    #expect(EditError.nothingToRemove(file: "postfix-sasl-password.cf", what: "no line starts with '@a.test'").description
      == "postfix-sasl-password.cf: nothing to remove: no line starts with '@a.test'")
    #expect(throws: EditError.nothingToRemove(file: "postfix-sasl-password.cf", what: "no line starts with '@a.test'")) {
      try apply(.delAuth(domain: "a.test"), nil, file: Self.sasl)
    }
  }

  @Test("del-domain of a key only present in another case names that line")
  func delOtherCase() throws {
    #expect(throws: EditError.keySpelledDifferently(
      location: SourceLocation(file: "postfix-relaymap.cf", line: 1), existing: "@A.TEST", requested: "@a.test")
    ) {
      try apply(.delDomain(domain: "a.test"), "@A.TEST [x]:25\n")
    }
  }

  @Test("include-domain removes opt-out lines ^\\s*@D\\s*$ only")
  func includeDomain() throws {
    let text = "@a.test\n  @a.test \r\n@a.test [h]:25\n@A.test\n@a.testing\n"
    let result = try apply(.includeDomain(domain: "a.test"), text)
    #expect(result.document.text == "@a.test [h]:25\n@A.test\n@a.testing\n")
    #expect(throws: EditError.nothingToRemove(file: "postfix-relaymap.cf", what: "'@a.test' is not opted out")) {
      try apply(.includeDomain(domain: "a.test"), "@a.test [h]:25\n")
    }
  }

  // MARK: - Against DMS itself

  static let keyedLines: [String] = [
    "@example.com [old.relay]:25", "@example.com\t[old.relay]:587", "@example.com ", "@example.com\t",
    "@example.com  user:old", "@example.com", "  @example.com [indented]:25", "@example.com.au [au]:25",
    "@example-com [dash]:25", "@exampleXcom [x]:25", "@sub.example.com [sub]:25",
  ]
  static let otherLines: [String] = [
    "# comment", "", "   ", "@example.org [org]:25", "[relay.test]:587 user:pw", "user@example.com [u]:25",
    "@käse.test [ü]:25", "#@example.com [commented]:25",
  ]

  /// A random relay/sasl file with at most one exact-case `^@example.com\s` line.
  static func generated(seed: UInt64) -> (bytes: [UInt8], hasFinalNewline: Bool, isCRLF: Bool) {
    var rng = SeededGenerator(seed: seed)
    let crlf = Bool.random(using: &rng)
    let count = Int.random(in: 0...8, using: &rng)
    var lines = (0..<count).map { _ in otherLines.randomElement(using: &rng)! }
    var keyed = 0
    for _ in 0..<Int.random(in: 0...3, using: &rng) {
      let line = keyedLines.randomElement(using: &rng)!
      // A bare '@example.com' on a CRLF line matches too ('\s' includes '\r').
      let matches =
        line.hasPrefix("@example.com ") || line.hasPrefix("@example.com\t") || (crlf && line == "@example.com")
      if matches { if keyed == 1 { continue }; keyed += 1 }
      lines.insert(line, at: Int.random(in: 0...lines.count, using: &rng))
    }
    let final = lines.isEmpty || Int.random(in: 0..<4, using: &rng) > 0
    var bytes: [UInt8] = []
    for (i, line) in lines.enumerated() {
      bytes += Array(line.utf8)
      if i < lines.count - 1 || final { bytes += crlf ? [0x0D, 0x0A] : [0x0A] }
    }
    return (bytes, final, crlf)
  }

  static let edits: [RelayEdit] = [
    .addDomain(domain: "example.com", host: "smtp.relay.test", port: 587),
    .addDomain(domain: "example.com", host: "old.relay"),
    .excludeDomain(domain: "example.com"),
    .addAuth(domain: "example.com", user: "relay-user", password: "s3cr/et&x"),
    .delDomain(domain: "example.com"),
  ]

  @Test("byte-equal to setup relay's grep/sed/echo steps on generated LF/CRLF files", arguments: 0..<100)
  func matchesDMS(seed: Int) throws {
    let file = Self.generated(seed: UInt64(seed))
    for edit in Self.edits {
      let fileName = edit.target == .saslPasswords ? Self.sasl : Self.relay
      let attempt = Result { () throws(EditError) -> EditResult in
        try edit.apply(to: TextDocument(bytes: file.bytes), fileName: fileName)
      }
      guard case .success(let ours) = attempt else {
        // Only removal may fail here; DMS's remove is then a silent success changing nothing.
        guard case .failure(.nothingToRemove) = attempt else {
          Issue.record("seed \(seed) \(edit): \(attempt)")
          continue
        }
        let oracle = try dms(edit, file.bytes)
        #expect(oracle.bytes == file.bytes, "seed \(seed) \(edit)")
        continue
      }
      // Where we deliberately differ, DMS is given the same starting point: the last line
      // terminated (DMS would glue onto it).
      var input = file.bytes
      let appended = ours.notes.contains { $0.contains("no final newline") }
      if appended { input += file.isCRLF ? [0x0D, 0x0A] : [0x0A] }
      let oracle = try dms(edit, input)
      if ours.isNoOp {
        #expect(oracle.status == 1, "seed \(seed) \(edit): DMS should fail 'No difference'")
        #expect(oracle.bytes == file.bytes)
      } else {
        #expect(oracle.status == 0, "seed \(seed) \(edit): \(oracle.stderr)")
        #expect(oracle.bytes == ours.document.bytes, "seed \(seed) \(edit)\n\(String(decoding: file.bytes, as: UTF8.self).debugDescription)")
      }
    }
  }
}
