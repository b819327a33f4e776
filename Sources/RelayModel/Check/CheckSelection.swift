/// Which senders `check` tests.
public enum CheckSelection: Sendable, Hashable {
  /// The addresses given (`--sender`, repeatable); `@domain` stands for an address there.
  case senders([String])
  /// One sender per distinct relay and login the preview uses (the default): a relay two
  /// domains reach with different credentials is checked once per login.
  case perRelay
  /// Every sender the preview routes (`--all`), direct ones reported as skipped.
  case all
}

extension RoutingPreview {
  /// The checks to run for `selection`, in the preview's order.
  ///
  /// A domain's route (`@example.test`) is checked with a real address there, since
  /// `MAIL FROM:<@example.test>` is not an address: its first account in
  /// `postfix-accounts.cf` whose route is the domain's, else `postmaster@example.test`.
  /// The plan then comes from that address's own route.
  public func checkTargets(
    _ selection: CheckSelection, configuration: Configuration, sendTo: String? = nil
  ) -> [CheckTarget] {
    let chosen: [Route]
    switch selection {
    case .senders(let senders): chosen = senders.map(router.route)
    // The null sender's row (spec §11) has no address to send a check from.
    case .all: chosen = routes.filter { !Router.isNullSender($0.sender) }
    case .perRelay:
      var seen: Set<String> = []
      chosen = routes.filter { route in
        guard route.outcome != .direct, !Router.isNullSender(route.sender) else { return false }
        let key = (route.relay ?? route.nexthop ?? route.reason ?? "") + "\u{0}" + (route.authUser ?? "")
        return seen.insert(key).inserted
      }
    }
    let accounts = CheckTargets.accountsByDomain(configuration)
    return chosen.map { route in
      let sender = CheckTargets.concreteSender(for: route, accounts: accounts, router: router)
      let concreteRoute = sender == route.sender ? route : router.route(sender)
      return CheckTargets.target(
        sender: sender, routeSender: route.sender, route: concreteRoute, router: router, version: version,
        sendTo: sendTo)
    }
  }
}

/// The pieces of `checkTargets`, kept apart so each is tested on its own.
enum CheckTargets {
  /// Account addresses by lowercased domain, in file order.
  static func accountsByDomain(_ configuration: Configuration) -> [String: [String]] {
    var byDomain: [String: [String]] = [:]
    for line in configuration.accounts?.document.lines ?? [] {
      guard case .account(let address) = AccountsFile.classify(line),
        let at = address.lastIndex(of: "@")
      else { continue }
      byDomain[address[address.index(after: at)...].lowercased(), default: []].append(address)
    }
    return byDomain
  }

  /// A real address for a domain's route; other senders are used as given.
  static func concreteSender(for route: Route, accounts: [String: [String]], router: Router) -> String {
    guard route.sender.hasPrefix("@") else { return route.sender }
    let domain = String(route.sender.dropFirst())
    for address in accounts[domain.lowercased()] ?? [] {
      let own = router.route(address)
      if own.relay == route.relay && own.authDecidedBy == route.authDecidedBy && own.outcome == route.outcome {
        return address
      }
    }
    return "postmaster@" + domain
  }

  /// The plan for one concrete sender, or why there is none.
  static func target(
    sender: String, routeSender: String, route: Route, router: Router, version: DMSVersion, sendTo: String?
  ) -> CheckTarget {
    let level = TLSLevel(setting: route.tls)
    // Wrappermode as Postfix runs it (spec §8): set in postfix-main.cf, or on the transport
    // the route takes, which the router shows by relaying a port-465 hop instead of deferring it.
    let wrapperMode =
      router.settings.value("smtp_tls_wrappermode") == "yes"
      || (route.outcome == .relayed && route.relay?.hasSuffix(":465") == true)
    func skip(_ reason: String) -> CheckTarget {
      CheckTarget(sender: sender, route: route, plan: nil, skipReason: reason)
    }
    if Router.isNullSender(sender) {
      return skip("the null sender '<>' (bounces, DSNs) is not checked live: check the relay it uses with a sender that uses it too")
    }
    guard let written = route.nexthop, case .success(let hop) = NextHop.parse(written, ports: router.delivery.ports) else {
      switch route.outcome {
      case .direct:
        return skip(
          "mail from '\(sender)' goes direct to each recipient's MX (no relay); checking a recipient's MX is out of scope")
      case .relayed, .deferred, .bounced, .error:
        return skip("Postfix cannot send mail from '\(sender)': \(route.reason ?? route.summary)")
      }
    }
    // The one deferred route that is still worth a live check: a 465 relay without
    // wrappermode, which shows the greeting timeout the admin would otherwise only see in
    // the mail log.
    let is465Timeout = route.outcome == .deferred && hop.port == 465 && !wrapperMode
    guard route.outcome == .relayed || is465Timeout else {
      return skip("Postfix cannot send mail from '\(sender)': \(route.reason ?? route.summary)")
    }
    let credentials = route.authEntry.flatMap { position -> CheckCredentials? in
      guard let table = router.saslTable, position < table.entries.count else { return nil }
      let value = table.entries[position].value
      guard let colon = value.firstIndex(of: ":") else {
        return CheckCredentials(user: value, password: "", decidedBy: route.authDecidedBy, origin: route.authOrigin)
      }
      return CheckCredentials(
        user: String(value[..<colon]), password: String(value[value.index(after: colon)...]),
        decidedBy: route.authDecidedBy, origin: route.authOrigin)
    }
    let plan = CheckPlan(
      sender: sender, routeSender: routeSender, route: route, nexthop: hop, tlsLevel: level,
      wrapperMode: wrapperMode, credentials: credentials, sendTo: sendTo, version: version)
    return CheckTarget(sender: sender, route: route, plan: plan, skipReason: nil)
  }
}
