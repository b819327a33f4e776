/// How the router reads Postfix's settings from `PostfixSettings` (spec §8): the admin's
/// `postfix-main.cf` and `postfix-master.cf` decide the relay, the TLS level, AUTH, implicit
/// TLS and the port names; a table the preview cannot read is named instead of guessed.
extension Router {
  /// The settings the smtp client and the address resolver run with, read once per router.
  struct Delivery: Hashable, Sendable {
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
    /// The relay map / sasl table named is DMS's own (read from the generated state).
    var readsRelayMap = false
    var readsSaslTable = false
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

    /// nil: no table; true: DMS's table, written; false: DMS's table, never written.
    func dmsTable(_ value: String, path: String, written: Bool, setting: String) -> Bool? {
      if value.isEmpty { return nil }
      if value == "texthash:\(path)" || value == "hash:\(path)" { return written }
      unreadable.append("\(setting) = '\(value)' is a table the preview cannot read")
      return nil
    }
    let relayMap = dmsTable(
      d.relayMaps, path: Generator.relayhostMapPath, written: state.relayhostMap != nil,
      setting: "sender_dependent_relayhost_maps")
    let saslTable = dmsTable(
      d.passwordMaps, path: Generator.saslPasswdPath, written: state.saslPasswd != nil,
      setting: "smtp_sasl_password_maps")
    d.readsRelayMap = relayMap == true
    d.relayMapMissing = relayMap == false
    d.readsSaslTable = saslTable == true
    d.saslTableMissing = saslTable == false
    for setting in ["transport_maps", "sender_dependent_default_transport_maps", "smtp_tls_policy_maps"] {
      if let value = settings.value(setting, service: d.service), !value.isEmpty {
        unreadable.append("\(setting) = '\(value)' is a table the preview cannot read")
      }
    }
    d.unpreviewable = unreadable.first
    return d
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

  /// The route after the smtp client's own settings: implicit TLS (`smtp_tls_wrappermode`)
  /// and tables the preview cannot read (spec §8). Called on every predicted route.
  func applyDelivery(to route: inout Route) {
    if let unpreviewable = delivery.unpreviewable { route.unpreviewable = unpreviewable }
    if delivery.relayMapMissing, route.outcome != .bounced {
      route = deferred(
        route,
        "sender_dependent_relayhost_maps = '\(delivery.relayMaps)' but DMS wrote no such file on this configuration: every lookup fails ('address resolver failure')")
      return
    }
    guard route.outcome == .relayed || route.outcome == .direct else { return }
    if delivery.saslTableMissing, delivery.authEnabled, route.outcome == .relayed {
      route = deferred(
        route,
        "smtp_sasl_password_maps = '\(delivery.passwordMaps)' but DMS wrote no such file on this configuration: the credentials lookup fails")
      return
    }
    let level = delivery.tls.isEmpty ? "none" : delivery.tls
    if delivery.wrappermode, Self.levelsBelowEncrypt.contains(delivery.tls) {
      route = deferred(
        route,
        "smtp_tls_wrappermode = yes requires smtp_tls_security_level = encrypt (or stronger), but it is '\(level)': Postfix defers every message")
      return
    }
    if route.outcome == .direct {
      if delivery.wrappermode {
        route = deferred(route, Self.wrappermodeDirectReason)
      }
      return
    }
    let port = route.relay.flatMap { $0.split(separator: ":").last.flatMap { Int($0) } }
    if port == 465, !delivery.wrappermode {
      route = deferred(route, PostfixFacts.implicitTLSRouteReason)
    } else if let port, port == 25 || port == 587, delivery.wrappermode {
      route = deferred(
        route,
        "smtp_tls_wrappermode = yes starts TLS at once, but port \(port) of the relay expects plain SMTP first (STARTTLS), so the TLS handshake fails")
    }
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
