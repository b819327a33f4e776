/// The credentials lines a plan needs, decided by asking the engine which entry Postfix uses
/// (spec §5).
extension PlanBuilder {
  /// Credentials keyed by the default relay (`[host]:port`): one line serves every sender
  /// routed there without credentials of its own.
  mutating func planRelayCredentials() throws(PlanError) {
    var relays: [Relay] = []
    for relay in [defaultRelay, anchor].compactMap({ $0 }) where !relays.contains(where: { $0.hasSameNextHop(as: relay) }) {
      relays.append(relay)
    }
    for relay in relays {
      let hopKey = relay.nextHop
      let hopLines = linesKeyed(hopKey)
      let hostLines = linesKeyed(relay.host)
      guard let credentials = relay.credentials else {
        for key in [relay.host, hopKey] where !linesKeyed(key).isEmpty {
          try add(
            .delRelayAuth(key: key),
            "Postfix would log in to \(relay.nextHop) with these credentials; the relay is meant to be used without AUTH")
        }
        continue
      }
      let envServesIt = keepsEnvCredentials && envCredentialsRelay.map { $0.hasSameNextHop(as: relay) } == true
      if envServesIt {
        if !hopLines.isEmpty {
          try add(
            .delRelayAuth(key: hopKey),
            "RELAY_USER/RELAY_PASSWORD already give DMS a '\(hopKey)' line; a second one makes Postfix refuse the table")
        }
      } else if hopLines.count != 1 || hopLines[0] != credentials.tableValue {
        try add(
          .addRelayAuth(host: relay.host, port: relay.port, user: credentials.user, password: credentials.password),
          "Postfix finds these for every sender it relays via \(hopKey) without credentials of its own")
      }
      if hostLines.contains(where: { $0 != credentials.tableValue }) {
        try add(
          .delRelayAuth(key: relay.host),
          "Postfix looks up '\(relay.host)' before '\(hopKey)'; this line holds other credentials")
      }
    }
  }

  /// Values of the credentials lines keyed `key` (case ignored).
  func linesKeyed(_ key: String) -> [String] {
    guard let document = configuration.saslPasswords?.document else { return [] }
    return PlanStep.lines(keyed: key, in: document).map { KeyValueLine(document.lines[$0].body).value }
  }

  /// Per-domain credentials, decided by asking the engine which entry Postfix would use.
  mutating func planDomainCredentials() throws(PlanError) {
    for domain in domains {
      let key = spelling(domain)
      guard isValidDomain(key) else { continue }
      let keys = saslDomainKeys(domain)
      switch intent.destination(for: domain) {
      case .direct:
        for name in keys {
          try add(
            .edit(.delAuth(domain: name)),
            "mail from @\(domain) goes direct; Postfix would offer these credentials to every recipient's MX that supports AUTH")
        }
      case .relay(let relay):
        if keys.contains(where: { $0 != key }) || keys.count > 1 || saslKeyCount(domain) > 1 {
          for name in keys {
            try add(
              .edit(.delAuth(domain: name)),
              "'@\(name)' is one of several spellings of the same key, which Postfix refuses as a duplicate")
          }
        }
        let verifier = Verifier(configuration: resolved, family: family)
        let route = verifier.route(domain)
        guard let nexthop = route.nexthop, Self.hop(try? NextHop.parse(nexthop).get(), isAt: relay) else { continue }
        let used = verifier.credentialsValue(of: route)
        if let credentials = relay.credentials {
          if used != credentials.tableValue, !keys.isEmpty, Self.isOwnKey(verifier.credentials(of: route), keys) {
            // Without the domain's own line the relay's credentials may already be right.
            var probe = self
            for name in keys { try probe.add(.edit(.delAuth(domain: name)), "") }
            let alternative = Verifier(configuration: probe.resolved, family: family)
            let without = alternative.route(domain)
            if alternative.credentialsValue(of: without) == credentials.tableValue {
              for name in keys {
                try add(
                  .edit(.delAuth(domain: name)),
                  "these are not the credentials for \(relay.nextHop); without them Postfix uses the relay's own line")
              }
              continue
            }
          }
          if used != credentials.tableValue {
            try add(
              .edit(.addAuth(domain: key, user: credentials.user, password: credentials.password)),
              "credentials for mail from @\(key) via \(relay.nextHop)")
          }
        } else if used != nil, let entry = verifier.credentials(of: route),
          let name = keys.first(where: { Self.isKey(entry, of: $0) })
        {
          try add(
            .edit(.delAuth(domain: name)),
            "\(relay.nextHop) is meant to be used without AUTH for @\(domain)")
        }
      }
    }
  }

  /// Whether the credentials came from one of the domain's own `@domain` lines.
  static func isOwnKey(_ entry: TexthashTable.Entry?, _ keys: [String]) -> Bool {
    guard let entry else { return false }
    return keys.contains { isKey(entry, of: $0) }
  }

  /// Whether `entry` is keyed `@domain` (Postfix folds case).
  static func isKey(_ entry: TexthashTable.Entry, of domain: String) -> Bool {
    entry.key.lowercased() == "@\(domain)".lowercased()
  }

  /// How many lines are keyed `@domain` (any case), to catch exact duplicates.
  func saslKeyCount(_ domain: String) -> Int {
    linesKeyed("@\(domain)").count
  }

  /// DMS < 14 with `RELAY_HOST` needs a password table, or Postfix's smtp client dies.
  mutating func planPasswordTable() throws(PlanError) {
    guard rules.relayMapNeedsRelayHost, anchor != nil, configuration.saslPasswords == nil,
      !environment.hasEnvCredentials, !(rules.readsSaslPasswdVariable && !environment["SASL_PASSWD"].isEmpty)
    else { return }
    try add(
      .createSaslFile,
      "with RELAY_HOST and no credentials anywhere, DMS < 14 switches SASL on without a password table and Postfix delivers no mail at all")
  }

  /// v11's `SASL_PASSWD` line joins the table first; it must not repeat a planned key.
  mutating func planLegacySaslPasswd() throws(PlanError) {
    guard rules.readsSaslPasswdVariable, anchor != nil, !environment["SASL_PASSWD"].isEmpty else { return }
    let key = KeyValueLine(Array(environment["SASL_PASSWD"].utf8)).key.lowercased()
    let fileKeys =
      configuration.saslPasswords?.document.lines.map { KeyValueLine($0.body).key.lowercased() } ?? []
    let envKey = environment.hasEnvCredentials ? [environment.envRelayHost.lowercased()] : []
    if fileKeys.contains(key) || envKey.contains(key) {
      try add(
        .edit(.unsetEnv(key: "SASL_PASSWD")),
        "its key '\(key)' repeats one of the credentials table; Postfix refuses tables with duplicate keys")
    }
  }
}
