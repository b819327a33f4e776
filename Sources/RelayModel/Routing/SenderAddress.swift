/// A sender address split the way Postfix looks it up in sender-dependent tables.
public struct SenderAddress: Hashable, Sendable {
  public var localPart: String
  public var domain: String

  public init?(_ text: String) {
    let bytes = text.utf8
    guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return nil }
    localPart = String(text[..<at])
    domain = String(text[bytes.index(after: at)...])
    if domain.isEmpty { return nil }
  }

  public var address: String { "\(localPart)@\(domain)" }

  /// Lookup keys in Postfix's order: `user+ext@domain`, `user@domain`, `@domain`
  /// (`recipient_delimiter = +`, spec §5 step 1).
  public var lookupKeys: [String] {
    var keys: [String] = []
    if !localPart.isEmpty { keys.append(address) }
    if let plus = localPart.utf8.firstIndex(of: UInt8(ascii: "+")) {
      let base = localPart[..<plus]
      if !base.isEmpty { keys.append("\(base)@\(domain)") }
    }
    keys.append("@\(domain)")
    return keys
  }
}
