/// `postfix-relaymap.cf`: sender → relay lines and `setup relay exclude-domain` opt-outs.
///
/// Each line is classified the way DMS reads it (spec §1): a line is copied into Postfix's
/// `relayhost_map` only when it passes DMS's strict filter `^\s*[^#\s]\S*\s+\S`, and it is an
/// opt-out when it is `@domain` alone (optionally surrounded by whitespace).
public struct RelayMapFile: Hashable, Sendable {
  public static let fileName = "postfix-relaymap.cf"

  public enum Kind: Hashable, Sendable {
    /// `KEY VALUE`, copied verbatim into `relayhost_map` by every DMS version.
    case relay(key: String, value: String)
    /// `@domain` alone: excludes that domain from the `RELAY_HOST` default (spec §3 step 4).
    case optOut(domain: String)
    /// A key with no value that is not an `@domain` opt-out (e.g. `user@d`): DMS ignores it.
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
    if passesStrictFilter(body) { return .relay(key: fields.key, value: fields.value) }
    if fields.key.hasPrefix("@"), fields.key.count > 1 {
      return .optOut(domain: String(fields.key.dropFirst()))
    }
    return .keyWithoutValue(key: fields.key)
  }

  /// DMS's `sed -n -r '/^\s*[^#[:space:]]\S*\s+\S/p'`: a key, whitespace, then something.
  public static func passesStrictFilter(_ body: [UInt8]) -> Bool {
    let keyStart = Bytes.firstNonSpace(body)
    guard keyStart < body.count, body[keyStart] != UInt8(ascii: "#") else { return false }
    let keyEnd = Bytes.firstSpace(body, from: keyStart)
    let valueStart = Bytes.firstNonSpace(body, from: keyEnd)
    return keyEnd < body.count && valueStart < body.count
  }

  public var kinds: [Kind] { document.lines.map(Self.classify) }
}
