/// Runs the engine (DMS's generation, then Postfix's lookups) on a configuration and
/// compares each domain's route with the intent.
public struct Verifier: Sendable {
  public let state: GeneratedState
  public let router: Router

  public init(configuration: Configuration, family: VersionFamily) {
    state = Generator.generate(configuration, family: family)
    router = Router(state: state, environment: configuration.environment)
  }

  /// The route of mail from any address at `domain` without an entry of its own.
  public func route(_ domain: String) -> Route { router.route("@\(domain)") }

  /// The `user:password` value of the credentials a route uses, or nil for no AUTH.
  public func credentialsValue(of route: Route) -> String? {
    guard route.authUser != nil, let decided = route.authDecidedBy,
      decided.hasPrefix("sasl_passwd:")
    else { return nil }
    return router.saslTable?.lookup(String(decided.dropFirst("sasl_passwd:".count)))?.value
  }

  /// Whether `route` is what `wanted` asks for: relayed to exactly `[host]:port` with
  /// exactly the wanted credentials (or none), or delivered direct.
  public func matches(_ route: Route, _ wanted: RoutingIntent.Destination) -> Bool {
    switch wanted {
    case .direct:
      return route.outcome == .direct
    case .relay(let relay):
      guard route.outcome == .relayed, let nexthop = route.nexthop,
        case .success(let hop) = NextHop.parse(nexthop),
        PlanBuilder.hop(hop, isAt: relay)
      else { return false }
      return credentialsValue(of: route) == relay.credentials?.tableValue
    }
  }

  /// One planned route per domain, then one for a domain the files do not name.
  public func verify(_ intent: RoutingIntent, domains: [String]) -> [PlannedRoute] {
    var routes = domains.map { domain in
      let route = route(domain)
      let wanted = intent.destination(for: domain)
      return PlannedRoute(domain: domain, wanted: wanted, route: route, matches: matches(route, wanted))
    }
    let other = route(Planner.unknownDomain)
    routes.append(
      PlannedRoute(domain: nil, wanted: intent.otherDomains, route: other, matches: matches(other, intent.otherDomains)))
    return routes
  }
}

extension PlanBuilder {
  /// Why a route differs from the intent, in the admin's terms.
  func limitation(_ planned: PlannedRoute) -> PlanLimitation {
    var explanation: String
    let route = planned.route
    let directs = domains.filter { intent.destination(for: $0) == .direct }
    if planned.domain == nil, planned.wanted.relay != nil, route.outcome == .direct,
      case .relayHost = strategy, !directs.isEmpty
    {
      explanation =
        "Only DEFAULT_RELAY_HOST relays senders DMS does not know (forwarded mail, domains added later), and it would relay \(directs.joined(separator: ", ")) too: Postfix has no relay map value meaning 'direct'. So DMS relays only the domains it knows; mail from any other sender domain goes direct."
    } else if route.outcome == .relayed, planned.wanted.relay != nil, route.authUser != planned.wanted.relay?.credentials?.user
      || Verifier(configuration: configuration, family: family).credentialsValue(of: route)
        != planned.wanted.relay?.credentials?.tableValue
    {
      explanation =
        "Postfix finds \(route.authDecidedBy.map { "'\($0)'" } ?? "no credentials") for it; credentials keyed by the relay cannot differ per sender without an '@domain' line."
    } else {
      explanation =
        "No change this planner makes gets DMS \(planner.version) there; the diagnostics name the line at fault."
    }
    return PlanLimitation(domain: planned.domain, wanted: planned.wanted, actual: route, explanation: explanation)
  }

  /// Side effects of the planned configuration the admin should know about.
  func consequences(_ routes: [PlannedRoute]) -> [String] {
    var lines: [String] = []
    let verifier = Verifier(configuration: configuration, family: family)
    let directs = routes.filter { $0.route.outcome == .direct }.map(\.label)
    if verifier.router.tls == "encrypt", !directs.isEmpty {
      lines.append(
        "DMS sets smtp_tls_security_level = encrypt because \(rules.encryptTrigger): direct mail (\(directs.joined(separator: ", "))) is deferred when the recipient's MX offers no STARTTLS.")
    }
    if case .relayHost(let relay) = strategy, intent.otherDomains == .direct {
      lines.append(
        "DMS relays every domain added later to postfix-accounts.cf or postfix-virtual.cf via RELAY_HOST (\(relay.nextHop)) unless it is opted out: run 'dms-relay setup' again after adding domains.")
    }
    if environment["ENABLE_SRS"] == "1", routes.contains(where: { $0.route.outcome == .relayed }) {
      let other = routes.last.map { $0.route.summary } ?? ""
      lines.append(
        "ENABLE_SRS=1: forwarded mail gets an SRS sender address, which no '@domain' entry matches; it goes like mail from other domains (\(other)).")
    }
    let folded = Set(domains)
    let known = KnownSenders(configuration)
    for address in known.addresses {
      guard let sender = SenderAddress(address), folded.contains(sender.domain.lowercased()) else { continue }
      lines.append(
        "'\(address)' has an entry of its own and keeps its route (\(verifier.router.route(address).summary)); this plan changes only '@domain' entries.")
    }
    let portRelays = intent.relays.filter { $0.port == 25 }
    for relay in portRelays {
      lines.append(
        "\(relay.nextHop): many networks block outgoing port 25; relay providers also offer 587 or 2525.")
    }
    if planner.version.isUnknownFuture {
      lines.append("DMS \(planner.version) is newer than any release this tool knows; planned as v14+.")
    }
    return lines
  }
}
