/// Turns a routing intent into the smallest set of file and env edits that makes DMS of a
/// given version route mail exactly that way, verified with the engine's own `Generator`
/// and `Router`.
///
/// What DMS needs differs by family (spec §3): on v11–v13 the relay map and credentials
/// count only when `RELAY_HOST` is set, so a per-domain relay becomes `RELAY_HOST` plus
/// opt-outs; on v14+ the relay map works alone and `DEFAULT_RELAY_HOST` serves "everything
/// else". Where the version cannot express the intent, the plan is the closest one and its
/// `limitations` say what differs and why.
///
/// A wizard drives it step by step: show `knownDomains` to pick from, check a relay with
/// `validate(_:)` when it is entered, then call `plan(_:)` with the intent built so far.
///
/// ```swift
/// let planner = Planner(configuration: loaded.configuration, version: try .parse("13.3.1"))
/// let plan = try planner.plan(.only(["a.test", "b.test"], through: sendgrid))
/// plan.steps      // RELAY_HOST, RELAY_PORT, opt-outs, credentials — each with its reason
/// plan.isExact    // true: every domain routes as intended on 13.3.1
/// ```
public struct Planner: Sendable {
  public let configuration: Configuration
  public let version: DMSVersion
  /// Every sender domain the files name (accounts, aliases, relay map, credentials, LDAP).
  public let knownSenders: KnownSenders
  /// The domains DMS itself collects and maps to `RELAY_HOST`, spelled as DMS reads them.
  public let managedDomains: [String]

  /// The sender domain standing in for "every domain the files do not name".
  public static let unknownDomain = "unlisted-sender-domain.invalid"

  public init(configuration: Configuration, version: DMSVersion) {
    self.configuration = configuration
    self.version = version
    knownSenders = KnownSenders(configuration)
    managedDomains = Generator.generate(configuration, family: version.family).managedDomains
  }

  /// The domains a wizard offers to pick from, as first spelled in the files.
  public var knownDomains: [String] { knownSenders.domains.map(\.name) }

  /// Checks a relay as soon as it is entered (host, port, credentials; port 465 refused).
  public func validate(_ relay: Relay) throws(PlanError) {
    do {
      try RelayEdit.validateHost(relay.host)
      try RelayEdit.validatePort(relay.port)
      if let credentials = relay.credentials {
        try RelayEdit.validateUser(credentials.user)
        try RelayEdit.validatePassword(credentials.password)
      }
    } catch {
      throw .invalid(error)
    }
    if relay.port == 465 { throw .implicitTLSPort(host: relay.host) }
  }

  /// Plans the intent. Throws only for invalid input (or files no edit can safely change);
  /// an intent the version cannot express gives a plan whose `limitations` say why.
  public func plan(_ intent: RoutingIntent) throws(PlanError) -> RelayPlan {
    for item in intent.domains {
      do { try RelayEdit.validateDomain(item.domain) } catch { throw .invalid(error) }
    }
    for relay in intent.relays { try validate(relay) }

    let domains = verifiedDomains(intent)
    var best: RelayPlan?
    var firstError: PlanError?
    for strategy in strategies(intent, domains: domains) {
      let plan: RelayPlan
      do {
        plan = try build(strategy, intent: intent, domains: domains)
      } catch {
        firstError = firstError ?? error
        continue
      }
      if plan.isExact { return plan }
      if let current = best {
        if score(plan, intent) < score(current, intent) { best = plan }
      } else {
        best = plan
      }
    }
    if let best { return best }
    throw firstError ?? .cannotApply(.noConfigDirectory)
  }

  /// How far a plan is from its intent: a domain the admin named counts most, then the
  /// other domains the files name, then domains DMS does not know; then the step count.
  func score(_ plan: RelayPlan, _ intent: RoutingIntent) -> (Int, Int, Int, Int) {
    let named = Set(intent.domains.map(\.domain))
    let wrong = plan.routes.filter { !$0.matches }
    return (
      wrong.filter { $0.domain.map(named.contains) ?? false }.count,
      wrong.filter { $0.domain.map { !named.contains($0) } ?? false }.count,
      wrong.filter { $0.domain == nil }.count,
      plan.steps.count
    )
  }

  /// The domains a plan is verified on (besides the unknown stand-in): the intent's, then
  /// every other domain the files name, lower case, without duplicates.
  func verifiedDomains(_ intent: RoutingIntent) -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for domain in intent.domains.map(\.domain) + knownSenders.domains.map({ $0.name.lowercased() })
    where seen.insert(domain).inserted {
      result.append(domain)
    }
    return result
  }

  /// Strategies to try, the family's natural one first (see `PlanStrategy`).
  func strategies(_ intent: RoutingIntent, domains: [String]) -> [PlanStrategy] {
    let relayed = domains.compactMap { intent.destination(for: $0).relay }
    let directDomains = domains.filter { intent.destination(for: $0) == .direct }
    var relaysByUse: [(relay: Relay, count: Int)] = []
    for relay in relayed {
      if let index = relaysByUse.firstIndex(where: { $0.relay == relay }) {
        relaysByUse[index].count += 1
      } else {
        relaysByUse.append((relay, 1))
      }
    }
    // Stable: the first-named relay wins a tie.
    let anchors = relaysByUse.enumerated()
      .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
      .map(\.element.relay)

    var result: [PlanStrategy]
    switch intent.otherDomains {
    case .direct:
      guard !relayed.isEmpty else { return [.noRelay] }
      result = version.family.rules.relayMapWorksAlone ? [.relayMapOnly] : []
      result += anchors.map(PlanStrategy.relayHost)
    case .relay(let fallback):
      if directDomains.isEmpty {
        result = [.defaultRelay(fallback), .relayHost(fallback)]
      } else {
        result = [.relayHost(fallback), .defaultRelay(fallback)]
        if version.family.rules.relayMapWorksAlone { result.append(.relayMapOnly) }
      }
      result += anchors.filter { $0 != fallback }.map(PlanStrategy.relayHost)
    }
    return result
  }
}
