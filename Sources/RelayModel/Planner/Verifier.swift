/// Runs the engine (DMS's generation, then Postfix's lookups) on a configuration and
/// compares each domain's route with the intent.
public struct Verifier: Sendable {
  public let state: GeneratedState
  public let router: Router

  public init(configuration: Configuration, family: VersionFamily) {
    state = Generator.generate(configuration, family: family)
    router = Router(state: state, configuration: configuration)
  }

  /// The route of mail from any address at `domain` without an entry of its own.
  public func route(_ domain: String) -> Route { router.route("@\(domain)") }

  /// The `user:password` value of the credentials a route uses, or nil for no AUTH.
  public func credentialsValue(of route: Route) -> String? {
    guard route.authUser != nil else { return nil }
    return credentials(of: route)?.value
  }

  /// The `sasl_passwd` entry a route took its credentials from (`Route.authEntry`), or nil.
  func credentials(of route: Route) -> TexthashTable.Entry? {
    guard let entry = route.authEntry, let table = router.saslTable, entry < table.entries.count else { return nil }
    return table.entries[entry]
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
