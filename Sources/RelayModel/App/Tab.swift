/// The six screens, in the order of the tab bar and the `1`–`6` keys.
public enum Tab: Int, Hashable, Sendable, CaseIterable {
  case domains = 1
  case relays
  case credentials
  case routing
  case changes
  /// What the mail log says really happened (issue 13).
  case observed

  public var title: String {
    switch self {
    case .domains: return "Domains"
    case .relays: return "Relays"
    case .credentials: return "Credentials"
    case .routing: return "Routing"
    case .changes: return "Changes"
    case .observed: return "Observed"
    }
  }

  /// The digit key that opens this tab.
  public var key: Character { Character(String(rawValue)) }
}
