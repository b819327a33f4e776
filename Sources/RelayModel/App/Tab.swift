/// The five screens, in the order of the tab bar and the `1`–`5` keys.
public enum Tab: Int, Hashable, Sendable, CaseIterable {
  case domains = 1
  case relays
  case credentials
  case routing
  case changes

  public var title: String {
    switch self {
    case .domains: return "Domains"
    case .relays: return "Relays"
    case .credentials: return "Credentials"
    case .routing: return "Routing"
    case .changes: return "Changes"
    }
  }

  /// The digit key that opens this tab.
  public var key: Character { Character(String(rawValue)) }
}
