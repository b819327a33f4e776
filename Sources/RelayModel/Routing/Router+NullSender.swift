/// The null sender `<>`: bounces, delivery status notifications and vacation replies
/// (spec §11).
///
/// Postfix looks the null sender up in `sender_dependent_relayhost_maps` under
/// `empty_address_relayhost_maps_lookup_key` (default `<>`), never under a domain; then
/// `relayhost`; else the mail goes direct. Its credentials never come from a sender key:
/// `smtp_sasl_passwd_lookup()` skips the sender lookup for an empty sender, so only the
/// next hop's host and the hop as written are looked up. A setup that routes every domain
/// through the relay map, with no `relayhost`, therefore sends every bounce directly.
extension Router {
  /// How the null sender is written in routes and on screen.
  public static let nullSender = "<>"

  /// `<>`, or an empty sender (what `sendmail -f ''` submits).
  public static func isNullSender(_ text: String) -> Bool {
    text.isEmpty || text == nullSender
  }

  /// The route of the null sender: relay map under `emptyAddressLookupKey`, then `relayhost`,
  /// then direct; credentials by next hop only.
  func routeNullSender() -> Route {
    var route = Route(
      sender: Self.nullSender, outcome: .direct, nexthop: nil, relay: nil, authUser: nil,
      decidedBy: nil, decidedByOrigin: nil, authDecidedBy: nil, authOrigin: nil, tls: tls,
      reason: nil, warnings: [])
    var taken: ParsedValue?
    if let relayTable {
      guard relayTable.isUsable else { return relayMapUnusable(route, relayTable) }
      if let position = relayTable.position(of: emptyAddressLookupKey) {
        let decider = Route.Decider.text("relayhost_map:\(relayTable.entries[position].key)")
        if let failed = applyRelayEntry(position, of: relayTable, decider: decider, to: &route, taken: &taken) {
          return failed
        }
      }
    }
    if let failed = applyRelayhost(to: &route, taken: &taken) { return failed }
    if smtpClientDies {
      return passwordTableMissing(route)
    }
    if route.outcome == .relayed, authEnabled, let saslTable {
      guard saslTable.isUsable else { return saslTableUnusable(route, saslTable) }
      if let position = taken?.hopCredentials {
        applyCredentials(saslTable, position, foundUnderSender: false, to: &route)
        if route.outcome == .deferred { return route }
      }
      resolveFallbackCredentials(&route, hopCredentials: taken?.hopCredentials)
    }
    if route.outcome == .direct, authEnabled, let saslTable, !saslTable.isUsable {
      markDeferredByMXAuth(&route)
    }
    // Port 465 and wrappermode are the smtp client's own settings: `applyDelivery` decides them
    // for this route as for every other (spec §8).
    if route.outcome == .direct, relayTable.map({ !$0.entries.isEmpty }) ?? false {
      route.warnings.append(
        RouteWarning(
          "null-sender-direct",
          "no relay map entry for '\(emptyAddressLookupKey)' and no relayhost: bounces, DSNs and vacation replies go straight to the recipient's MX"
        ))
    }
    addEncryptDirectWarning(to: &route)
    return route
  }
}
