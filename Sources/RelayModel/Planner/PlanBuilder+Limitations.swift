/// What a plan cannot do on the target version, and the side effects the admin should know.
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
    } else if route.outcome == .relayed, planned.wanted.relay != nil,
      route.authUser != planned.wanted.relay?.credentials?.user
        || Verifier(configuration: resolved, family: family).credentialsValue(of: route)
          != planned.wanted.relay?.credentials?.tableValue
    {
      explanation =
        "Postfix finds \(route.authDecidedBy.map { "'\($0)'" } ?? "no credentials") for it; credentials keyed by the relay cannot differ per sender without an '@domain' line."
    } else if let rewritten = route.rewrittenSender {
      explanation =
        "ENABLE_SRS=1: postsrsd rewrites this sender to '\(rewritten)' before the relay lookup, so its own entries never match; add its domain to SRS_EXCLUDE_DOMAINS (commas only) to keep them."
    } else {
      explanation =
        "No change this planner makes gets DMS \(planner.version) there; the diagnostics name the line at fault."
    }
    return PlanLimitation(domain: planned.domain, wanted: planned.wanted, actual: route, explanation: explanation)
  }

  /// Side effects of the planned configuration the admin should know about.
  func consequences(_ routes: [PlannedRoute]) -> [String] {
    var lines: [String] = []
    let verifier = Verifier(configuration: resolved, family: family)
    let directs = routes.filter { $0.route.outcome == .direct }.map(\.label)
    if verifier.router.tls == "encrypt", !directs.isEmpty {
      lines.append(
        PostfixFacts.encryptConsequence(trigger: rules.encryptTrigger, directs: directs.joined(separator: ", ")))
    }
    if case .relayHost(let relay) = strategy, intent.otherDomains == .direct {
      lines.append(
        "DMS relays every domain added later to postfix-accounts.cf or postfix-virtual.cf via RELAY_HOST (\(relay.nextHop)) unless it is opted out: run 'dms-relay setup' again after adding domains.")
    }
    if environment["ENABLE_SRS"] == "1", routes.contains(where: { $0.route.outcome == .relayed }) {
      let other = routes.last.map { $0.route.summary } ?? ""
      lines.append(
        "ENABLE_SRS=1: postsrsd rewrites every envelope sender outside SRS_DOMAINNAME and SRS_EXCLUDE_DOMAINS to an SRS address before the relay lookup, which no '@domain' entry matches; such mail goes like mail from other domains (\(other)).")
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
