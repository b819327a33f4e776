/// `postfix-sasl-password.cf`: `KEY user:password` credentials for senders or relays.
///
/// KEY is a sender (`@domain`, `user@domain`) or a relay (`[host]:port`, `host`); Postfix
/// splits the value at the first `:` into the SASL user and password.
public struct SaslPasswordFile: Hashable, Sendable {
  public static let fileName = "postfix-sasl-password.cf"

  public enum Kind: Hashable, Sendable {
    case credential(key: String, user: String, password: String)
    /// A value without `:` — Postfix takes it all as the user name with an empty password.
    case credentialWithoutColon(key: String, value: String)
    /// A key alone: Postfix ignores it with a warning.
    case keyWithoutValue(key: String)
    case comment
    case blank
  }

  public var document: TextDocument

  public init(document: TextDocument = TextDocument()) {
    self.document = document
  }

  public init(bytes: [UInt8]) { self.init(document: TextDocument(bytes: bytes)) }

  public static func classify(_ line: Line) -> Kind {
    let body = line.body
    if Bytes.isBlank(body) { return .blank }
    if Bytes.isComment(body) { return .comment }
    let fields = KeyValueLine(body)
    if fields.value.isEmpty { return .keyWithoutValue(key: fields.key) }
    guard let colon = fields.value.firstIndex(of: ":") else {
      return .credentialWithoutColon(key: fields.key, value: fields.value)
    }
    return .credential(
      key: fields.key,
      user: String(fields.value[..<colon]),
      password: String(fields.value[fields.value.index(after: colon)...]))
  }

  public var kinds: [Kind] { document.lines.map(Self.classify) }
}
