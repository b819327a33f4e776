/// What the files predict for the senders seen in a log: the router of the configured
/// version, and every relay the generated state names (to tell "via another relay" from
/// "direct to the recipient's MX", which the log alone cannot).
public struct ObservedComparison: Sendable {
  public let router: Router
  /// The account provisioner when DMS's change detection never re-applies relay files under it
  /// (LDAP, OIDC: `VersionRules.changeDetectionReappliesRelayFiles`), else nil.
  public let provisionerWaitingForRestart: String?
  /// `host:port` of every relay the tables or `relayhost` name.
  let knownRelays: [String]

  public init(router: Router, environment: RelayEnvironment) {
    self.router = router
    let provisioner = environment["ACCOUNT_PROVISIONER"]
    provisionerWaitingForRestart =
      router.state.family.rules.changeDetectionReappliesRelayFiles(provisioner: provisioner) ? nil : provisioner
    var relays: [String] = []
    // The relay values as the router parsed them (its `known_tcp_ports` included). A
    // fallback carries the mail when the first hop fails (spec §5): a relay too.
    for value in router.parsedValues + [router.parsedRelayhost] {
      if let relay = value.relay { relays.append(relay.lowercased()) }
      relays += value.fallbacks.compactMap { $0.relay?.lowercased() }
    }
    // The env's relay, which DMS may not have mapped for every domain (LDAP, v12-13's
    // accounts-only domains) but which the container may still use.
    for value in [environment.envRelayHost, environment["DEFAULT_RELAY_HOST"]] where !value.isEmpty {
      if case .success(let hop) = NextHopList(value).first(ports: router.delivery.ports) {
        relays.append(hop.relay.lowercased())
      }
    }
    knownRelays = relays
  }

  /// The predicted route of one sender, reduced to what a log line can confirm: kept per
  /// sender without a reference (a Route has a dozen; copying them per message was a
  /// tenth of the time).
  struct Expectation {
    var outcome: RouteOutcome
    /// The predicted relay's ID among the observed relays (`ObservedSenders.relays`), or -1.
    var relay: Int32
    /// The IDs of the route's usable fallback hops: mail that went there agrees too, since
    /// Postfix tries them when the first hop fails (spec §5).
    var fallbacks: [Int32] = []
  }

  /// `Route.relay` lowercased, as the log spells the relay, for `sender`.
  func predicted(for sender: String) -> (RouteOutcome, String?) {
    let route = router.route(sender)
    return (route.outcome, route.relay?.lowercased())
  }

  /// The usable fallback relays of `sender`'s route, lowercased as the log spells them.
  func fallbackRelays(for sender: String) -> [String] {
    router.route(sender).fallbacks.compactMap { $0.isUsable ? $0.relay?.lowercased() : nil }
  }

  /// Why the container may do something else than the files say.
  var likelyCause: String {
    if let provisioner = provisionerWaitingForRestart {
      return
        "the container runs the configuration from before your change: with ACCOUNT_PROVISIONER=\(provisioner), change detection never re-applies relay files, so restart it (`docker compose restart`); env changes need `docker compose up -d` (`dms-relay drift` names what is not applied)"
    }
    return "the container runs the configuration from before your change: env changes need `docker compose up -d`, file changes wait for change detection or `docker compose restart` (`dms-relay drift` names what is not applied)"
  }
}
