/// Hides secrets in lines before they are shown (diffs, previews, logs, notes).
///
/// `postfix-sasl-password.cf` is redacted by Postfix's *logical* lines: a line starting with
/// whitespace continues the one before (comment and blank lines in between are skipped), so
/// in `@a.test user1:` followed by `  more` the second line is password too. Everything
/// after the first `:` of the value becomes `<redacted>` (`@d user:<redacted>`), in
/// commented-out lines too, and whatever the line's shape: a line without the space
/// (`@h.test:user:secret`) shows as `@h.test:<redacted>`. Env files: the value of
/// `RELAY_PASSWORD`/`SASL_PASSWD` assignments, commented-out ones included.
public struct Redaction: Sendable {
  public static let placeholder = "<redacted>"

  /// Returns the bodies to show for a file's line bodies, in order (each without its `\n`;
  /// a CRLF `\r` included).
  public let redactLines: @Sendable ([[UInt8]]) -> [[UInt8]]
  /// True for `.none`, so callers can skip the copy.
  public let isIdentity: Bool

  /// A redaction that looks at one line at a time.
  public init(_ redact: @escaping @Sendable ([UInt8]) -> [UInt8]) {
    self.redactLines = { $0.map(redact) }
    self.isIdentity = false
  }

  public init(lines: @escaping @Sendable ([[UInt8]]) -> [[UInt8]], isIdentity: Bool = false) {
    self.redactLines = lines
    self.isIdentity = isIdentity
  }

  /// One line on its own (a note, a diagnostic): no continuation context.
  public func redact(_ body: [UInt8]) -> [UInt8] { isIdentity ? body : redactLines([body])[0] }

  public static let none = Redaction(lines: { $0 }, isIdentity: true)

  public static let saslPasswords = Redaction(lines: { bodies in
    var out: [[UInt8]] = []
    out.reserveCapacity(bodies.count)
    var logical = SaslLogicalLine()
    for body in bodies { out.append(logical.redact(body)) }
    return out
  })

  public static let envFile = Redaction { body in
    var start = Bytes.firstNonSpace(body)
    while start < body.count, body[start] == UInt8(ascii: "#") || Bytes.isSpace(body[start]) {
      start += 1
    }
    guard let eq = body[start...].firstIndex(of: UInt8(ascii: "=")) else { return body }
    let key = Bytes.string(Bytes.trimmed(body[start..<eq]))
    guard RelayEnvironment.secretKeys.contains(key) else { return body }
    return replacingAfter(eq, in: body)
  }

  /// The redaction for a file by its name: sasl file, env files (`*.env`, `.env`), else none.
  public static func forFile(named name: String) -> Redaction {
    if name == SaslPasswordFile.fileName { return .saslPasswords }
    if name.hasSuffix(".env") || name == ".env" || name == "env" { return .envFile }
    return .none
  }

  /// A credentials key for a message: `@h.test:user:secret` (a line without the space,
  /// whose whole text is the key) shows as `@h.test:<redacted>`.
  public static func credentialKey(_ key: String) -> String {
    let bytes = Array(key.utf8)
    guard let colon = SaslLogicalLine.secretColon(in: bytes[...]) else { return key }
    return Bytes.string(replacingAfter(colon, in: bytes))
  }

  /// `body` up to and including `index`, then the placeholder (and the CRLF `\r`, if any);
  /// `body` itself when nothing follows `index`.
  static func replacingAfter(_ index: Int, in body: [UInt8]) -> [UInt8] {
    let content = body.last == 0x0D ? body.count - 1 : body.count
    guard index + 1 < content else { return body }
    return Array(body[...index]) + Array(placeholder.utf8) + (content < body.count ? [0x0D] : [])
  }
}

/// The state of one Postfix logical line of `postfix-sasl-password.cf` while redacting.
struct SaslLogicalLine {
  /// The logical line has its key and has started its value.
  var hasValue = false
  /// Its value's first `:` was seen: all that follows is password.
  var inSecret = false
  var exists = false

  mutating func redact(_ body: [UInt8]) -> [UInt8] {
    let start = Bytes.firstNonSpace(body)
    if start >= body.count || (start < body.count && body[start] == UInt8(ascii: "#")) {
      // Blank or comment: skipped by Postfix without ending the logical line. A commented-out
      // credential is hidden like a live one.
      if start < body.count {
        var scratch = SaslLogicalLine()
        return scratch.startLine(body, from: Self.afterCommentMarker(body))
      }
      return body
    }
    if start > 0 && exists {
      return continueLine(body, from: start)
    }
    if start > 0 {
      // Whitespace-led with no logical line open (the first line, or after a removed entry):
      // Postfix starts no entry with it, and it is typically a continuation whose key line an
      // edit removed, i.e. a password. Hidden whole.
      return Redaction.replacingAfter(start - 1, in: body)
    }
    self = SaslLogicalLine()
    exists = true
    return startLine(body, from: start)
  }

  mutating func startLine(_ body: [UInt8], from keyStart: Int) -> [UInt8] {
    let keyEnd = Bytes.firstSpace(body, from: keyStart)
    if let colon = Self.secretColon(in: body[keyStart..<keyEnd]) {
      // No space between key and value (`@h.test:user:secret`): hide after the first ':'.
      inSecret = true
      hasValue = true
      return Redaction.replacingAfter(colon, in: body)
    }
    let valueStart = Bytes.firstNonSpace(body, from: keyEnd)
    guard valueStart < body.count, !(valueStart == body.count - 1 && body[valueStart] == 0x0D) else { return body }
    hasValue = true
    return value(body, from: valueStart)
  }

  mutating func continueLine(_ body: [UInt8], from start: Int) -> [UInt8] {
    if inSecret { return Redaction.replacingAfter(start - 1, in: body) }
    if !hasValue {
      hasValue = true
    }
    return value(body, from: start)
  }

  mutating func value(_ body: [UInt8], from valueStart: Int) -> [UInt8] {
    guard let colon = body[valueStart...].firstIndex(of: UInt8(ascii: ":")) else { return body }
    inSecret = true
    return Redaction.replacingAfter(colon, in: body)
  }

  /// In a key-shaped token, the `:` after which a password may follow: the first `:` not
  /// part of a `[host]:port` relay key.
  static func secretColon(in token: ArraySlice<UInt8>) -> Int? {
    var from = token.startIndex
    if token.first == UInt8(ascii: "["), let close = token.firstIndex(of: UInt8(ascii: "]")) {
      from = close + 1
      if from < token.endIndex, token[from] == UInt8(ascii: ":") {
        var end = from + 1
        while end < token.endIndex, (0x30...0x39).contains(token[end]) { end += 1 }
        from = end
      }
    }
    guard let colon = token[from...].firstIndex(of: UInt8(ascii: ":")) else { return nil }
    // `host:587` names a relay and its port: nothing secret follows.
    let rest = token[(colon + 1)...]
    if !rest.isEmpty, rest.allSatisfy({ (0x30...0x39).contains($0) }) { return nil }
    return colon
  }

  static func afterCommentMarker(_ body: [UInt8]) -> Int {
    var index = Bytes.firstNonSpace(body)
    while index < body.count, body[index] == UInt8(ascii: "#") || Bytes.isSpace(body[index]) { index += 1 }
    return index
  }
}
