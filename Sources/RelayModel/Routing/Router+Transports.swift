/// Which `master.cf` transport and next hop a sender's mail takes when the admin's overrides
/// name transport tables (spec §8): `transport_maps` (by recipient; only its `*` entry
/// concerns every remote recipient) before `sender_dependent_default_transport_maps` (by
/// sender), both before the relay map and `relayhost`.
extension Router {
  /// The service (`smtp`, `relay`) the route's mail leaves through, or nil when a transport
  /// entry is beyond the preview (then marked on the route).
  func transport(of route: inout Route) -> String? {
    let defaultService = String(delivery.service.prefix { $0 != "/" })
    // Most configurations name no transport table: no lookup keys built per route then.
    guard delivery.recipientTransports != nil || delivery.senderTransports != nil else { return defaultService }
    let keys = route.sender.hasPrefix("@") ? [route.sender] : SenderAddress(route.sender)?.lookupKeys ?? []
    if let table = delivery.recipientTransports, let position = table.position(of: "*") {
      return applyTransportEntry(
        table.entries[position].value, decider: "transport_maps:*", senderKeys: keys, into: &route)
    }
    guard let table = delivery.senderTransports,
      let (key, position) = keys.lazy.compactMap({ key in table.position(of: key).map { (key, $0) } }).first
    else { return defaultService }
    return applyTransportEntry(
      table.entries[position].value, decider: "sender_dependent_default_transport_maps:\(key)", senderKeys: keys,
      into: &route)
  }

  /// Applies one `transport[:nexthop]` table value found under `decider` (`table:key`).
  private func applyTransportEntry(
    _ value: String, decider: String, senderKeys: [String], into route: inout Route
  ) -> String? {
    let name = String(value.prefix { $0 != ":" })
    guard name == "smtp" || name == "relay" else {
      route.unpreviewable = "\(decider) gives the transport '\(value)', which the preview does not model"
      return nil
    }
    let nexthop = value.contains(":") ? String(value[value.index(after: value.firstIndex(of: ":")!)...]) : ""
    if !nexthop.isEmpty, route.outcome == .deferred {
      // Whether the deferral (a relay map problem, a dying smtp client) still happens with
      // the transport's own next hop is beyond the preview.
      route.unpreviewable = "\(decider) gives the next hop '\(nexthop)', and the route was deferred before it applies"
      return nil
    } else if !nexthop.isEmpty {
      takeNextHop(nexthop, decider: decider, senderKeys: senderKeys, into: &route)
    } else {
      route.warnings.append(
        RouteWarning("sender-transport", "\(decider) sends this mail through the '\(name)' transport of master.cf"))
    }
    return name
  }

  /// A transport entry's next hop: it takes precedence over `sender_dependent_relayhost_maps`,
  /// `relayhost` and direct delivery; the credentials are looked up again as the smtp client
  /// does (sender keys first with sender-dependent authentication, then the next hop).
  private func takeNextHop(_ nexthop: String, decider: String, senderKeys: [String], into route: inout Route) {
    let replaced = route.nexthop
    route.warnings.removeAll { $0.code == "credentials-on-direct" || $0.code == "extra-nexthops" }
    route.decidedBy = decider
    route.decidedByOrigin = nil
    route.relayEntry = nil
    route.reason = nil
    route.outcome = .relayed
    guard case .success(let hop) = NextHopList(nexthop).first(ports: delivery.ports) else {
      route = deferred(route, "the next hop '\(nexthop)' of \(decider) cannot be parsed: Postfix's smtp process dies")
      return
    }
    route.nexthop = hop.written
    route.relay = hop.relay
    if let replaced, replaced != hop.written {
      route.warnings.append(
        RouteWarning("relay-overridden", "\(decider) sends this mail to \(hop.written) instead of \(replaced)"))
    }
    guard authEnabled, let saslTable, saslTable.isUsable else { return }
    route.authUser = nil
    route.authDecidedBy = nil
    route.authOrigin = nil
    route.authEntry = nil
    let senderEntry = senderDependentAuthentication ? senderKeys.lazy.compactMap { saslTable.position(of: $0) }.first : nil
    guard let position = senderEntry ?? saslTable.position(of: hop.host) ?? saslTable.position(of: hop.written)
    else { return }
    applyCredentials(saslTable, position, foundUnderSender: false, to: &route)
  }
}
