/// `postfix-accounts.cf`: `user@domain|{SCHEME}hash` lines; the managed sender domains.
public struct AccountsFile: Hashable, Sendable {
  public static let fileName = "postfix-accounts.cf"

  public enum Kind: Hashable, Sendable {
    case account(address: String)
    case malformed(reason: String)
    case comment
    case blank
  }

  public var document: TextDocument

  public init(document: TextDocument = TextDocument()) { self.document = document }
  public init(bytes: [UInt8]) { self.init(document: TextDocument(bytes: bytes)) }

  public static func classify(_ line: Line) -> Kind {
    let body = line.content
    if Bytes.isBlank(body) { return .blank }
    if Bytes.isComment(body) { return .comment }
    guard let bar = body.firstIndex(of: UInt8(ascii: "|")) else {
      return .malformed(reason: "no '|' between the address and the password hash")
    }
    let address = Bytes.string(Bytes.trimmed(body[..<bar]))
    guard address.contains("@") else {
      return .malformed(reason: "'\(address)' is not an address (no '@')")
    }
    return .account(address: address)
  }

  public var kinds: [Kind] { document.lines.map(Self.classify) }
}
