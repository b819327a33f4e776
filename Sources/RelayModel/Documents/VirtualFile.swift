/// `postfix-virtual.cf`: `alias@domain targets` lines; alias keys add sender domains.
public struct VirtualFile: Hashable, Sendable {
  public static let fileName = "postfix-virtual.cf"

  public enum Kind: Hashable, Sendable {
    case alias(key: String, targets: String)
    case comment
    case blank
  }

  public var document: TextDocument

  public init(document: TextDocument = TextDocument()) { self.document = document }
  public init(bytes: [UInt8]) { self.init(document: TextDocument(bytes: bytes)) }

  public static func classify(_ line: Line) -> Kind {
    let body = line.body
    if Bytes.isBlank(body) { return .blank }
    if Bytes.isComment(body) { return .comment }
    let fields = KeyValueLine(body)
    return .alias(key: fields.key, targets: fields.value)
  }

  public var kinds: [Kind] { document.lines.map(Self.classify) }
}
