/// The screens of the setup wizard, in the order a first-time setup walks them.
///
/// Which steps a walk visits depends on the goal: "all mail through one relay" needs no
/// domains; "different relays per domain" loops provider → credentials → domains once per
/// relay, with `moreRelays` asking whether another follows.
public enum WizardStep: Hashable, Sendable {
  /// "No relay is configured. Run the setup wizard?" — only when the UI offers it.
  case offer
  case folder
  case version
  case goal
  case provider
  case credentials
  case domains
  case moreRelays
  case plan
  case done

  public var title: String {
    switch self {
    case .offer: return "Set up a relay?"
    case .folder: return "Config folder and environment"
    case .version: return "DMS version"
    case .goal: return "What should happen to outgoing mail?"
    case .provider: return "Relay provider"
    case .credentials: return "Credentials"
    case .domains: return "Sender domains"
    case .moreRelays: return "Another relay?"
    case .plan: return "The plan"
    case .done: return "Done"
    }
  }
}

/// What the admin wants, in the words of the goal step.
public enum WizardGoal: Int, CaseIterable, Hashable, Sendable {
  case allMail
  case someDomains
  case perDomain

  public var label: String {
    switch self {
    case .allMail: return "All mail through one relay"
    case .someDomains: return "Only some sender domains through a relay (the others go direct)"
    case .perDomain: return "Different relays per sender domain"
    }
  }
}
