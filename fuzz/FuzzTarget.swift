/// libFuzzer target over the parsers, the redaction and the edits (issue 11, "keep the
/// trial"). Compiled by `scripts/fuzz` together with the RelayModel sources as one module,
/// so internal helpers are reachable; run `scripts/fuzz 600` for ten minutes by hand.
///
/// Each input is a file's bytes. Properties checked, any failure is a crash libFuzzer keeps:
/// - `TextDocument` gives back exactly the bytes it was made from;
/// - every line classifier and the redactions accept anything; a redaction keeps the line
///   count, and redacting twice changes nothing more;
/// - an edit that applies changes only the lines of its own key (plus the final newline it
///   adds to an unterminated last line), so no byte of another line is lost;
/// - the unified diff of the edit renders, and escaped text holds no control character.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: size))
  Fuzz.run(bytes)
  return 0
}

enum Fuzz {
  static func check(_ condition: Bool, _ what: @autoclosure () -> String) {
    if !condition { fatalError("fuzz property failed: \(what())") }
  }

  static func run(_ bytes: [UInt8]) {
    let document = TextDocument(bytes: bytes)
    check(document.bytes == bytes, "TextDocument round trip")
    _ = RelayMapFile(document: document).kinds
    _ = SaslPasswordFile(document: document).kinds
    _ = EnvFile(document: document).kinds
    _ = AccountsFile(document: document)
    let bodies = document.lines.map(\.body)
    for redaction in [Redaction.saslPasswords, .envFile] {
      let once = redaction.redactLines(bodies)
      check(once.count == bodies.count, "redaction keeps the line count")
      check(redaction.redactLines(once) == once, "redaction is stable")
    }
    let shown = ControlEscaping.line(bytes)
    check(!shown.unicodeScalars.contains { ControlEscaping.needsEscape($0) }, "escaped text has no control character")
    if bytes.count <= 4096 {
      _ = try? ComposeService.parse(yaml: String(decoding: bytes, as: UTF8.self), file: "compose.yaml")
    }
    edit(document, selector: bytes.first ?? 0)
  }

  /// The key an edit touches, as the start of a line body.
  static let domain = "fz.test"

  static func edit(_ document: TextDocument, selector: UInt8) {
    let edits: [(RelayEdit, String, String)] = [
      (.addDomain(domain: domain, host: "relay.fz.test", port: 587), RelayMapFile.fileName, "@\(domain)"),
      (.excludeDomain(domain: domain), RelayMapFile.fileName, "@\(domain)"),
      (.delDomain(domain: domain), RelayMapFile.fileName, "@\(domain)"),
      (.includeDomain(domain: domain), RelayMapFile.fileName, "@\(domain)"),
      (.addAuth(domain: domain, user: "u", password: "p"), SaslPasswordFile.fileName, "@\(domain)"),
      (.delAuth(domain: domain), SaslPasswordFile.fileName, "@\(domain)"),
      (.setEnv(key: "RELAY_HOST", value: "h.fz.test"), "mailserver.env", "RELAY_HOST"),
      (.unsetEnv(key: "RELAY_HOST"), "mailserver.env", "RELAY_HOST"),
    ]
    let (edit, fileName, key) = edits[Int(selector) % edits.count]
    guard let result = try? edit.apply(to: document, fileName: fileName) else { return }
    let old = others(document, key: key)
    let new = others(result.document, key: key)
    check(old == new, "\(edit) changed only its own lines")
    _ = UnifiedDiff.render(
      old: document.bytes, new: result.document.bytes, name: fileName, redaction: .forFile(named: fileName))
  }

  /// Bodies of the lines whose first word (after indentation) is not `key` in any letter
  /// case (`KEY=` for env files), a CRLF `\r` dropped; an edit must leave them as they were, in order.
  static func others(_ document: TextDocument, key: String) -> [[UInt8]] {
    let folded = Array(key.lowercased().utf8)
    return document.lines.compactMap { line in
      var body = line.body
      if body.last == 0x0D { body.removeLast() }
      let start = Bytes.firstNonSpace(body)
      let head = body[start...].prefix(folded.count).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
      let next = start + folded.count < body.count ? body[start + folded.count] : 0x20
      let isKey = head == folded && (Bytes.isSpace(next) || next == UInt8(ascii: "="))
      return isKey ? nil : body
    }
  }
}
