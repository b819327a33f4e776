/// A sender address split the way Postfix looks it up in sender-dependent tables.
public struct SenderAddress: Hashable, Sendable {
  public var localPart: String
  public var domain: String

  public init?(_ text: String) {
    guard let at = text.lastIndex(of: "@") else { return nil }
    localPart = String(text[..<at])
    domain = String(text[text.index(after: at)...])
    if domain.isEmpty { return nil }
  }

  public var address: String { "\(localPart)@\(domain)" }

  /// Lookup keys in Postfix's order: `user+ext@domain`, `user@domain`, `@domain`
  /// (`recipient_delimiter = +`, spec §5 step 1).
  public var lookupKeys: [String] {
    var keys: [String] = []
    if !localPart.isEmpty { keys.append(address) }
    if let plus = localPart.firstIndex(of: "+") {
      let base = localPart[..<plus]
      if !base.isEmpty { keys.append("\(base)@\(domain)") }
    }
    keys.append("@\(domain)")
    return keys
  }
}
