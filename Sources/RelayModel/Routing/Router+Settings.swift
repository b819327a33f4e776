/// How the router reads Postfix's settings from `PostfixSettings` (spec §8): the admin's
/// `postfix-main.cf` and `postfix-master.cf` decide the relay, the TLS level, AUTH, implicit
/// TLS and the port names; a table the preview cannot read is named instead of guessed.
extension Router {
  /// The settings the smtp client and the address resolver run with, read once per router.
  struct Delivery: Sendable {
    /// The `master.cf` service `default_transport` names (`smtp/unix`).
    var service = "smtp/unix"
    var relayhost = ""
    /// `smtp_tls_security_level` in that service; empty is Postfix's default (`none`).
    var tls = "may"
    var wrappermode = false
    var authEnabled = false
    var passwordMaps = ""
    var senderDependentAuthentication = false
    var relayMaps = ""
    var ports = NextHop.knownTCPPorts
    /// `empty_address_relayhost_maps_lookup_key`: the key the null sender is looked up as.
    var emptyAddressLookupKey = "<>"
    /// `relay_transport` (only for `relay_domains`, which DMS leaves empty).
    var relayTransport = "relay"
    /// Why routes cannot be previewed (a table or transport the tool cannot read), or nil.
    var unpreviewable: String?
    /// The relay map / sasl table named is DMS's, but DMS did not write it on this
    /// configuration: every lookup fails.
    var relayMapMissing = false
    var saslTableMissing = false
    /// The relay map / sasl table is read: DMS's own (from the generated state), or
    /// `relayLines`/`saslLines` from the config folder.
    var readsRelayMap = false
    var readsSaslTable = false
    var relayLines: GeneratedTable?
    var saslLines: GeneratedTable?
    /// DMS's own relay map is read: named alone, or as a member of a list.
    var readsDMSRelayMap = false
    /// `sender_dependent_default_transport_maps` from the config folder: sender →
    /// `transport[:nexthop]`; `senderTransportsMissing`: named but not there.
    var senderTransports: TexthashTable?
    var senderTransportsMissing = false
    /// `smtp_tls_policy_maps` from the config folder: next hop → TLS level (and attributes).
    var tlsPolicies: TexthashTable?
    var tlsPoliciesMissing = false
    /// `transport_maps` from the config folder: recipient → `transport[:nexthop]`.
    var recipientTransports: TexthashTable?
    var recipientTransportsMissing = false
    /// The `smtp` and `relay` services' TLS settings (their `-o` overrides, else main.cf).
    var services: [String: ServiceSettings] = [:]
    /// Nothing here but the 465 rule can change a route (no override, table, transport,
    /// policy, wrappermode or `noplaintext` in play): `applyDelivery` then takes a short
    /// path, as it does for most configurations and every route of a 100,000-domain one.
    var onlyPortRules = false
  }

  /// What one `master.cf` smtp-client service does about TLS.
  struct ServiceSettings: Hashable, Sendable {
    /// `smtp_tls_security_level`; empty is Postfix's default (`none`).
    var tls: String
    var wrappermode: Bool
    /// `smtp_sasl_tls_security_options` (default `$smtp_sasl_security_options`, whose own
    /// default is `noplaintext, noanonymous`): what a TLS session lets AUTH use.
    var saslTLSOptions = "noanonymous"
    /// The same without TLS (`smtp_sasl_security_options`).
    var saslOptions = "noanonymous"
  }

  /// Why direct mail is deferred when `smtp_tls_wrappermode = yes` applies to it.
  public static let wrappermodeDirectReason =
    "smtp_tls_wrappermode = yes applies to direct delivery too: the recipient's MX on port 25 expects plain SMTP, so the TLS handshake fails"

  /// `smtp_tls_security_level` values below `encrypt` (wrappermode refuses them).
  static let levelsBelowEncrypt: Set<String> = ["", "none", "may"]

  /// Whether `smtp_tls_wrappermode = yes` applies with a TLS level below `encrypt`.
  public var wrappermodeBelowEncrypt: Bool { delivery.wrappermode && Self.levelsBelowEncrypt.contains(delivery.tls) }
  /// Whether `smtp_tls_wrappermode = yes` applies to the smtp client's deliveries.
  public var wrappermode: Bool { delivery.wrappermode }
  /// Whether a transport the preview models (`smtp`, `relay`) has `smtp_tls_wrappermode = yes`.
  public var anyTransportWrappermode: Bool { delivery.services.values.contains(where: \.wrappermode) }
  /// The service (`smtp/unix`) whose settings the smtp client reads.
  public var deliveryService: String { delivery.service }
  /// Why routes cannot be previewed, or nil.
  public var unpreviewable: String? { delivery.unpreviewable }
  /// `empty_address_relayhost_maps_lookup_key` (default `<>`): the null sender's key.
  public var emptyAddressLookupKey: String { delivery.emptyAddressLookupKey }
  /// `relay_transport` (used only for `relay_domains`).
  public var relayTransport: String { delivery.relayTransport }

  /// Reads `settings` as Postfix does for the state DMS generated.
  static func delivery(_ settings: PostfixSettings, state: GeneratedState) -> Delivery {
    var d = Delivery()
    var unreadable: [String] = []
    let transport = settings.value("default_transport") ?? "smtp"
    let name = transport.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    if transport.contains(":") {
      unreadable.append("default_transport = '\(transport)' names its own next hop, which the preview does not model")
    } else if name != "smtp" && name != "relay" {
      unreadable.append("default_transport = '\(transport)' is a transport the preview does not model")
    }
    d.service = "\(name.isEmpty ? "smtp" : name)/unix"
    d.relayhost = settings.value("relayhost") ?? ""
    d.tls = settings.value("smtp_tls_security_level", service: d.service) ?? ""
    d.wrappermode = settings.value("smtp_tls_wrappermode", service: d.service) == "yes"
    d.authEnabled = settings.value("smtp_sasl_auth_enable", service: d.service) == "yes"
    d.passwordMaps = settings.value("smtp_sasl_password_maps", service: d.service) ?? ""
    d.senderDependentAuthentication =
      settings.value("smtp_sender_dependent_authentication", service: d.service) == "yes"
    d.relayMaps = settings.value("sender_dependent_relayhost_maps") ?? ""
    d.emptyAddressLookupKey = settings.value("empty_address_relayhost_maps_lookup_key") ?? "<>"
    d.relayTransport = settings.value("relay_transport") ?? "relay"
    if let ports = settings.value("known_tcp_ports") { d.ports = knownTCPPorts(ports) }
    unreadable += unsetReferences(settings, service: d.service)

    /// Reads one table setting: the lines to use (nil: DMS's own from the state), whether
    /// it is read at all, and whether it is missing (every lookup fails).
    func table(_ setting: String, _ value: String, dmsPath: String?, dmsWrote: Bool, dmsLines: GeneratedTable? = nil)
      -> (lines: GeneratedTable?, reads: Bool, missing: Bool)
    {
      let members = OverrideTable.members(value)
      if members.count > 1 {
        return list(setting, value, members, dmsPath: dmsPath, dmsWrote: dmsWrote, dmsLines: dmsLines)
      }
      switch OverrideTable.classify(value, dmsPath: dmsPath, dmsWrote: dmsWrote, tables: settings.tables) {
      case .none: return (nil, false, false)
      case .dms(let written): return (nil, written, !written)
      case .configFolder(let name, let document?): return (OverrideTable.table(document, name: name), true, false)
      case .configFolder(_, nil) where value.hasPrefix("texthash:"):
        return (nil, false, true)
      case .configFolder(let name, nil):
        unreadable.append(
          "\(setting) = '\(value)' but its source file '\(name)' is not in the config folder (user-patches.sh may build it)")
        return (nil, false, false)
      case .unreadable:
        unreadable.append("\(setting) = '\(value)' is a table the preview cannot read")
        return (nil, false, false)
      }
    }
    /// A list of tables (spec §8): Postfix looks each key up in the members in turn and
    /// stops at the first that has it, or at the first whose lookup fails. Read as one table
    /// when every member can be read and used; when the first cannot be used every lookup
    /// fails, as for one table; when a later one cannot, which lookups reach it depends on
    /// the keys before it, and the routes cannot be previewed.
    func list(
      _ setting: String, _ value: String, _ members: [String], dmsPath: String?, dmsWrote: Bool,
      dmsLines: GeneratedTable?
    ) -> (lines: GeneratedTable?, reads: Bool, missing: Bool) {
      var tables: [GeneratedTable] = []
      for (position, member) in members.enumerated() {
        let lines: GeneratedTable
        /// A member after the first whose every lookup fails.
        func failsLater(_ why: String) -> (lines: GeneratedTable?, reads: Bool, missing: Bool) {
          unreadable.append(
            "\(setting) = '\(value)': '\(member)' \(why), so every lookup that reaches it fails; which lookups do depends on the tables before it")
          return (nil, false, false)
        }
        switch OverrideTable.classify(member, dmsPath: dmsPath, dmsWrote: dmsWrote, tables: settings.tables) {
        case .dms(true): lines = dmsLines ?? GeneratedTable()
        case .configFolder(let name, let document?): lines = OverrideTable.table(document, name: name)
        case .dms(false):
          return position == 0 ? (nil, false, true) : failsLater("does not exist on this configuration")
        case .configFolder(_, nil) where member.hasPrefix("texthash:"):
          return position == 0 ? (nil, false, true) : failsLater("does not exist in the config folder")
        case .configFolder(let name, nil):
          unreadable.append(
            "\(setting) = '\(value)' lists '\(member)', whose source file '\(name)' is not in the config folder (user-patches.sh may build it)")
          return (nil, false, false)
        case .none, .unreadable:
          unreadable.append("\(setting) = '\(value)' lists '\(member)', a table the preview cannot read")
          return (nil, false, false)
        }
        // The first member's lookups come first: a duplicate key there fails every lookup,
        // as in one table (the merged table is then unusable too).
        guard position == 0 || TexthashTable(lines).isUsable else { return failsLater("has a key more than once") }
        tables.append(lines)
      }
      return (GeneratedTable.list(tables), true, false)
    }
    let relayMap = table(
      "sender_dependent_relayhost_maps", d.relayMaps, dmsPath: Generator.relayhostMapPath,
      dmsWrote: state.relayhostMap != nil, dmsLines: state.relayhostMap)
    let saslTable = table(
      "smtp_sasl_password_maps", d.passwordMaps, dmsPath: Generator.saslPasswdPath, dmsWrote: state.saslPasswd != nil,
      dmsLines: state.saslPasswd)
    (d.relayLines, d.readsRelayMap, d.relayMapMissing) = relayMap
    d.readsDMSRelayMap = OverrideTable.members(d.relayMaps).contains {
      OverrideTable.classify($0, dmsPath: Generator.relayhostMapPath, dmsWrote: true, tables: [:]) == .dms(written: true)
    }
    (d.saslLines, d.readsSaslTable, d.saslTableMissing) = saslTable
    let transports = table(
      "sender_dependent_default_transport_maps", settings.value("sender_dependent_default_transport_maps") ?? "",
      dmsPath: nil, dmsWrote: false)
    d.senderTransports = transports.lines.map(TexthashTable.init)
    d.senderTransportsMissing = transports.missing
    let recipients = table(
      "transport_maps", settings.value("transport_maps", service: d.service) ?? "", dmsPath: nil, dmsWrote: false)
    d.recipientTransports = recipients.lines.map(TexthashTable.init)
    d.recipientTransportsMissing = recipients.missing
    for name in ["smtp", "relay"] {
      let service = "\(name)/unix"
      let options = settings.value("smtp_sasl_security_options", service: service) ?? "noplaintext, noanonymous"
      d.services[name] = ServiceSettings(
        tls: settings.value("smtp_tls_security_level", service: service) ?? "",
        wrappermode: settings.value("smtp_tls_wrappermode", service: service) == "yes",
        saslTLSOptions: settings.values["smtp_sasl_tls_security_options"] == nil
          && settings.serviceOverrides[service]?["smtp_sasl_tls_security_options"] == nil
          ? options : settings.value("smtp_sasl_tls_security_options", service: service) ?? "",
        saslOptions: options)
    }
    let policies = table(
      "smtp_tls_policy_maps", settings.value("smtp_tls_policy_maps", service: d.service) ?? "", dmsPath: nil,
      dmsWrote: false)
    d.tlsPolicies = policies.lines.map(TexthashTable.init)
    d.tlsPoliciesMissing = policies.missing
    d.unpreviewable = unreadable.first
    let defaultService = d.services[String(d.service.prefix { $0 != "/" })]
    let forbidsPlaintext = [defaultService?.saslOptions, defaultService?.saslTLSOptions].contains {
      $0?.split(whereSeparator: { $0 == "," || $0.isWhitespace }).contains("noplaintext") ?? false
    }
    d.onlyPortRules =
      d.unpreviewable == nil && !d.relayMapMissing && !d.saslTableMissing && d.senderTransports == nil
      && !d.senderTransportsMissing && d.recipientTransports == nil && !d.recipientTransportsMissing
      && d.tlsPolicies == nil && !d.tlsPoliciesMissing && !d.wrappermode
      && !d.services.values.contains(where: \.wrappermode) && defaultService.map { $0.tls == d.tls } ?? true
      && (!d.authEnabled || !forbidsPlaintext)
    return d
  }

  /// The settings the router reads, with the service whose `-o` overrides apply to them.
  static func routingSettings(service: String) -> [(key: String, service: String?)] {
    [
      ("relayhost", nil), ("sender_dependent_relayhost_maps", nil), ("default_transport", nil),
      ("sender_dependent_default_transport_maps", nil), ("empty_address_relayhost_maps_lookup_key", nil),
      ("known_tcp_ports", nil), ("smtp_sasl_auth_enable", service), ("smtp_sasl_password_maps", service),
      ("smtp_sender_dependent_authentication", service), ("smtp_tls_security_level", service),
      ("smtp_tls_wrappermode", service), ("transport_maps", service), ("smtp_tls_policy_maps", service),
    ]
  }

  /// A routing setting whose value refers to a parameter nothing sets (`relayhost =
  /// [smtp.$mydomain]:587` while the host name is unknown): Postfix expands its default,
  /// which the preview does not model, so the routes say they cannot be previewed instead
  /// of reading an empty string (spec §8).
  static func unsetReferences(_ settings: PostfixSettings, service: String) -> [String] {
    routingSettings(service: service).compactMap { key, service in
      guard let name = settings.unsetNames(key, service: service).first else { return nil }
      let written = settings.raw(key, service: service) ?? ""
      let why =
        name == "myhostname" || name == "mydomain"
        ? "which DMS sets from the container's host name, unknown here (OVERRIDE_HOSTNAME or the compose file's hostname: would say it)"
        : "which nothing sets, so Postfix uses its default, which the preview does not model"
      return "\(key) = '\(written)' refers to $\(name), \(why)"
    }
  }

  /// `known_tcp_ports` as Postfix reads it: `name=name=…=port` items separated by commas
  /// or whitespace; an item without a valid port is skipped.
  static func knownTCPPorts(_ text: String) -> [String: Int] {
    var ports: [String: Int] = [:]
    for item in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
      let parts = item.split(separator: "=").map(String.init)
      guard parts.count >= 2, let port = Int(parts.last!), (1...65535).contains(port) else { continue }
      for name in parts.dropLast() { ports[name] = port }
    }
    return ports
  }

  /// The route after the smtp client's own settings: the transport a sender's mail takes
  /// (`sender_dependent_default_transport_maps`), implicit TLS (`smtp_tls_wrappermode`) and
  /// tables the preview cannot read (spec §8). Called on every predicted route.
  func applyDelivery(to route: inout Route) {
    if onlyPortRules {
      if route.outcome == .relayed, route.relay?.utf8.last == UInt8(ascii: "5"), route.relay?.hasSuffix(":465") == true {
        route = deferred(route, PostfixFacts.implicitTLSRouteReason)
      }
      return
    }
    if let unpreviewable = delivery.unpreviewable { route.unpreviewable = unpreviewable }
    guard route.outcome != .bounced else { return }
    if let missing = missingTableReason(route) {
      route = deferred(route, missing)
      return
    }
    guard let service = transport(of: &route) else { return }
    var settings = delivery.services[service] ?? ServiceSettings(tls: delivery.tls, wrappermode: delivery.wrappermode)
    if !applyTLSPolicy(to: &route, settings: &settings) { return }
    let level = settings.tls.isEmpty ? "none" : settings.tls
    if route.tls != level { route.tls = level }
    guard route.outcome == .relayed || route.outcome == .direct else { return }
    if delivery.saslTableMissing, delivery.authEnabled, route.outcome == .relayed {
      route = deferred(
        route,
        "smtp_sasl_password_maps = '\(delivery.passwordMaps)' \(Self.missingTablePhrase(delivery.passwordMaps)) on this configuration: the credentials lookup fails")
      return
    }
    if settings.wrappermode, Self.levelsBelowEncrypt.contains(settings.tls) {
      route = deferred(
        route,
        "smtp_tls_wrappermode = yes requires smtp_tls_security_level = encrypt (or stronger), but it is '\(level)': Postfix defers every message")
      return
    }
    if route.outcome == .direct {
      if settings.wrappermode { route = deferred(route, Self.wrappermodeDirectReason) }
      return
    }
    // The relay's port from `host:port` without splitting (400,000 routes).
    let port = route.relay.flatMap { relay in relay.utf8.lastIndex(of: UInt8(ascii: ":")).flatMap { Int(relay[relay.utf8.index(after: $0)...]) } }
    // TLS is up with encrypt or wrappermode, and with may wherever the relay offers
    // STARTTLS, as relays do.
    let options = settings.tls == "none" || settings.tls.isEmpty ? settings.saslOptions : settings.saslTLSOptions
    if route.authUser != nil,
      options.split(whereSeparator: { $0 == "," || $0.isWhitespace }).contains("noplaintext")
    {
      route = deferred(
        route,
        "smtp_sasl\(options == settings.saslTLSOptions ? "_tls" : "")_security_options = '\(options)' forbids PLAIN and LOGIN (noplaintext): unless the relay offers another mechanism, AUTH fails ('no mechanism available') and the mail is deferred")
      return
    }
    if port == 465, !settings.wrappermode {
      route = deferred(route, PostfixFacts.implicitTLSRouteReason)
    } else if let port, port == 25 || port == 587, settings.wrappermode {
      route = deferred(
        route,
        "smtp_tls_wrappermode = yes starts TLS at once, but port \(port) of the relay expects plain SMTP first (STARTTLS), so the TLS handshake fails")
    }
  }

  /// `smtp_tls_policy_maps` from the config folder for a relayed route: the entry keyed by
  /// the next hop as written (`[h]:587`; `[h]` for port 25) sets its TLS level. Returns false
  /// when the route is finished (deferred, or beyond the preview).
  private func applyTLSPolicy(to route: inout Route, settings: inout ServiceSettings) -> Bool {
    if delivery.tlsPoliciesMissing, route.outcome == .relayed || route.outcome == .direct {
      route = deferred(
        route, "smtp_tls_policy_maps names a file that does not exist in the config folder: the TLS policy lookup fails")
      return false
    }
    guard let table = delivery.tlsPolicies, route.outcome == .relayed, let nexthop = route.nexthop else { return true }
    var keys = [nexthop]
    if nexthop.hasSuffix(":25") { keys.append(String(nexthop.dropLast(3))) }
    guard let position = keys.lazy.compactMap({ table.position(of: $0) }).first else { return true }
    let policy = table.entries[position].value
    let level = String(policy.prefix { !$0.isWhitespace })
    guard Self.tlsLevels.contains(level) else {
      route.unpreviewable = "smtp_tls_policy_maps gives '\(table.entries[position].key)' the policy '\(policy)', which the preview does not model"
      return false
    }
    settings.tls = level
    route.warnings.append(
      RouteWarning("tls-policy", "smtp_tls_policy_maps:\(table.entries[position].key) sets TLS level '\(level)' for this relay"))
    return true
  }

  /// How a table setting whose every lookup fails names the missing file: a list fails at
  /// its first member (a later missing one makes the routes unpreviewable instead).
  static func missingTablePhrase(_ value: String) -> String {
    let members = OverrideTable.members(value)
    return members.count > 1 ? "lists first '\(members[0])', a file that does not exist" : "names a file that does not exist"
  }

  /// The TLS levels `smtp_tls_policy_maps` may name (Postfix 3.7).
  static let tlsLevels: Set<String> = [
    "none", "may", "encrypt", "dane", "dane-only", "fingerprint", "verify", "secure",
  ]

  /// Why every lookup of a table the route needs fails, or nil.
  private func missingTableReason(_ route: Route) -> String? {
    if delivery.relayMapMissing {
      return
        "sender_dependent_relayhost_maps = '\(delivery.relayMaps)' \(Self.missingTablePhrase(delivery.relayMaps)) on this configuration: every lookup fails ('address resolver failure')"
    }
    for (name, missing, table) in [
      ("transport_maps", delivery.recipientTransportsMissing, delivery.recipientTransports),
      ("sender_dependent_default_transport_maps", delivery.senderTransportsMissing, delivery.senderTransports),
    ] {
      if missing {
        return
          "\(name) names a file that does not exist in the config folder: every lookup fails ('address resolver failure')"
      }
      if let table, !table.isUsable {
        let key = table.duplicateKeys.keys.sorted().first ?? ""
        return
          "\(name) has the key '\(key)' more than once (after Postfix folds case), so every lookup fails with 'address resolver failure'"
      }
    }
    return nil
  }
}

extension Router {
  /// The router for `state` generated from `configuration`, with the admin's overrides.
  public init(state: GeneratedState, configuration: Configuration) {
    self.init(
      state: state, environment: configuration.environment,
      settings: PostfixSettings(configuration: configuration, state: state))
  }
}
