/// Hides secrets in a line before it is shown (diffs, previews, logs).
///
/// `postfix-sasl-password.cf`: everything after the first `:` of the value becomes
/// `<redacted>` (`@d user:<redacted>`), in commented-out lines too. Env files: the value of
/// `RELAY_PASSWORD`/`SASL_PASSWD` assignments, commented-out ones included.
public struct Redaction: Sendable {
  public static let placeholder = "<redacted>"

  /// Returns the body to show for a line body (without its `\n`; a CRLF `\r` included).
  public let redact: @Sendable ([UInt8]) -> [UInt8]

  public init(_ redact: @escaping @Sendable ([UInt8]) -> [UInt8]) { self.redact = redact }

  public static let none = Redaction { $0 }

  public static let saslPasswords = Redaction { body in
    let start = Bytes.firstNonSpace(body)
    guard start < body.count else { return body }
    // Skip a comment marker so commented-out credentials are hidden as well.
    var keyStart = start
    while keyStart < body.count, body[keyStart] == UInt8(ascii: "#") || Bytes.isSpace(body[keyStart]) {
      keyStart += 1
    }
    let keyEnd = Bytes.firstSpace(body, from: keyStart)
    let valueStart = Bytes.firstNonSpace(body, from: keyEnd)
    guard valueStart < body.count,
      let colon = body[valueStart...].firstIndex(of: UInt8(ascii: ":"))
    else { return body }
    let content = body.last == 0x0D ? body.count - 1 : body.count
    guard colon + 1 < content else { return body }
    return Array(body[...colon]) + Array(placeholder.utf8) + (content < body.count ? [0x0D] : [])
  }

  public static let envFile = Redaction { body in
    var start = Bytes.firstNonSpace(body)
    while start < body.count, body[start] == UInt8(ascii: "#") || Bytes.isSpace(body[start]) {
      start += 1
    }
    guard let eq = body[start...].firstIndex(of: UInt8(ascii: "=")) else { return body }
    let key = Bytes.string(Bytes.trimmed(body[start..<eq]))
    guard RelayEnvironment.secretKeys.contains(key) else { return body }
    let content = body.last == 0x0D ? body.count - 1 : body.count
    guard eq + 1 < content else { return body }
    return Array(body[...eq]) + Array(placeholder.utf8) + (content < body.count ? [0x0D] : [])
  }

  /// The redaction for a file by its name: sasl file, env files (`*.env`, `.env`), else none.
  public static func forFile(named name: String) -> Redaction {
    if name == SaslPasswordFile.fileName { return .saslPasswords }
    if name.hasSuffix(".env") || name == ".env" || name == "env" { return .envFile }
    return .none
  }
}
