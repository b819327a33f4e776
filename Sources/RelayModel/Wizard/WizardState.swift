/// Everything the setup wizard shows, as one value (issue 6).
///
/// It is a child of `AppState` (`AppDestination.wizard`), for `dms-relay setup` and the offer
/// on first start. The terminal only draws it and forwards keys; every decision is made by
/// `WizardReducer`, which is tested without a terminal. Planning is pure (the `Planner` runs
/// the engine in memory), so the reducer computes the plan itself; only writing is an effect.
public struct WizardState: Equatable, Sendable {
  /// A question over the current step.
  public enum Prompt: Hashable, Sendable {
    /// "Leave without writing anything?"
    case abandon
    /// "Write N file(s)?"
    case write
  }

  public let loaded: LoadedConfiguration
  /// The sender domains the files name, to pick from.
  public let knownDomains: [String]
  public internal(set) var step: WizardStep
  public internal(set) var size: Size
  public internal(set) var prompt: Prompt?
  /// The last thing the wizard has to say, shown above the key bar.
  public internal(set) var message: StatusMessage?
  /// Set when Next was refused: every field shows its problem from then on.
  public internal(set) var showsAllProblems = false

  /// The versions to pick from: the detected one first, then one per family and the tags.
  public let versionChoices: [DMSVersion]
  public internal(set) var versionIndex: Int
  public internal(set) var goal: WizardGoal = .allMail
  /// One per relay; more than one only for `.perDomain`.
  public internal(set) var groups: [RelayGroup] = [RelayGroup()]
  /// The relay being entered.
  public internal(set) var group = 0
  /// Focus within the step: list row or field index (see `focusables`).
  public internal(set) var focus = 0
  /// Cursor in a list (goal, domains, more relays).
  public internal(set) var cursor = 0
  public internal(set) var planScroll = 0
  public internal(set) var planned: WizardPlan?
  public internal(set) var outcome: WizardOutcome?

  /// - Parameter offering: start with "No relay is configured. Run the setup wizard?".
  public init(loaded: LoadedConfiguration, size: Size, offering: Bool = false) {
    self.loaded = loaded
    self.size = size
    step = offering ? .offer : .folder
    var choices: [DMSVersion] = []
    if let detected = loaded.version { choices.append(detected) }
    for name in Self.offeredVersions {
      let version = try! DMSVersion.parse(name)
      if !choices.contains(where: { $0.name == version.name }) { choices.append(version) }
    }
    versionChoices = choices
    versionIndex = loaded.version == nil ? choices.firstIndex { $0.name == Self.undetectedDefault }! : 0
    knownDomains = Planner(configuration: loaded.configuration, version: choices[0]).knownDomains
  }

  /// One release per family, then the moving tags, for the version step.
  static let offeredVersions = ["11.3.1", "13.3.1", "14.0.0", "15.1.0", "edge", "latest"]
  /// Preselected when no version was detected: the newest release.
  static let undetectedDefault = "15.1.0"

  public var version: DMSVersion { versionChoices[versionIndex] }
  public var currentGroup: RelayGroup { groups[group] }

  /// The steps this goal walks, for "Step 4 of 8".
  public var stepSequence: [WizardStep] {
    [.folder, .version, .goal, .provider, .credentials] + (goal == .allMail ? [] : [.domains]) + [.plan, .done]
  }

  /// 1-based position of the step in `stepSequence` (`moreRelays` counts as domains).
  public var stepNumber: Int? {
    let shown = step == .moreRelays ? .domains : step
    return stepSequence.firstIndex(of: shown).map { $0 + 1 }
  }

  /// Every relay already has these domains.
  func assignedElsewhere() -> Set<String> {
    var result = Set<String>()
    for (index, item) in groups.enumerated() where index != group { result.formUnion(item.domains) }
    return result
  }

  /// The domains the current relay can take (those of earlier relays are not offered again).
  public var domainChoices: [String] {
    let taken = assignedElsewhere()
    return knownDomains.filter { !taken.contains($0) }
  }

  /// Known domains no relay has yet (they go direct).
  public var unassignedDomains: [String] {
    let taken = Set(groups.flatMap(\.domains))
    return knownDomains.filter { !taken.contains($0) }
  }

  /// The intent the answers describe.
  public var intent: RoutingIntent? {
    switch goal {
    case .allMail:
      return groups[0].relay.map { RoutingIntent.everything(through: $0) }
    case .someDomains:
      return groups[0].relay.map { RoutingIntent.only(groups[0].domains, through: $0) }
    case .perDomain:
      var intent = RoutingIntent()
      for item in groups {
        guard let relay = item.relay else { return nil }
        for domain in item.domains { intent.set(domain, to: .relay(relay)) }
      }
      return intent
    }
  }

  /// Why Next is disabled on this step; nil when it is enabled.
  public var nextBlockedReason: String? {
    switch step {
    case .folder:
      return loaded.configDirectory == nil
        ? "no config folder found: leave (Esc) and run again with --config-dir PATH" : nil
    case .provider: return currentGroup.locationProblem
    case .credentials: return currentGroup.credentialsProblem
    case .domains:
      if domainChoices.isEmpty {
        return "the files name no sender domain to pick (add accounts first, or choose 'All mail')"
      }
      return currentGroup.domains.isEmpty ? "pick at least one domain (Space)" : nil
    case .plan: return planned?.blockedReason
    default: return nil
    }
  }
}
