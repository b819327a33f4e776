extension Checks {
  /// Bounces that leave directly while the setup relays other mail (spec §11).
  ///
  /// The relay map is looked up for the null sender under `<>` only, and DMS sets
  /// `relayhost` only from `DEFAULT_RELAY_HOST` (`RELAY_HOST` only fills the map), so a
  /// setup that routes its domains through the map alone sends bounces, DSNs and vacation
  /// replies straight to the recipient's MX — from a host that may be on no SPF record and
  /// blocked on port 25.
  static func checkNullSender(_ c: Context, _ out: inout [Diagnostic]) {
    let routes = c.routes
    guard let null = routes.lastIndex(where: { $0.sender == Router.nullSender }),
      routes[null].outcome == .direct,
      routes.contains(where: { $0.outcome == .relayed })
    else { return }
    let key = c.router.emptyAddressLookupKey
    let fix = "set DEFAULT_RELAY_HOST so relayhost carries them, or add a line '\(key) [relay]:port' to postfix-relaymap.cf"
    out.append(
      Diagnostic(
        .nullSenderDirect,
        "bounces, DSNs and vacation replies (sender '<>') go direct to the recipient's MX while other mail is relayed: Postfix looks the null sender up in the relay map only as '\(key)', and no relayhost is set",
        fix: fix))
  }
}
