/// The working state of one strategy's plan: steps so far and the configuration they give.
struct PlanBuilder {
  let planner: Planner
  let intent: RoutingIntent
  let domains: [String]
  let strategy: PlanStrategy
  /// The relay `RELAY_HOST` will name (DMS maps managed domains to it), if any.
  var anchor: Relay?
  /// The relay `DEFAULT_RELAY_HOST` will name, if any.
  var defaultRelay: Relay?
  /// Env `RELAY_USER`/`RELAY_PASSWORD` already hold the right credentials and stay.
  var keepsEnvCredentials = false
  /// Domains that get their own relay map line even where `RELAY_HOST` would cover them.
  var explicitDomains: Set<String> = []
  var steps: [PlanStep] = []
  var configuration: Configuration
  var notes: [String] = []

  var family: VersionFamily { planner.version.family }
  var rules: VersionRules { family.rules }
  var original: RelayEnvironment { planner.configuration.environment }
  var environment: RelayEnvironment { configuration.environment }

  init(planner: Planner, intent: RoutingIntent, domains: [String], strategy: PlanStrategy) {
    self.planner = planner
    self.intent = intent
    self.domains = domains
    self.strategy = strategy
    configuration = planner.configuration
  }

  mutating func add(_ action: PlanStep.Action, _ reason: String) throws(PlanError) {
    let step = PlanStep(action, reason: reason)
    do { notes += try step.apply(to: &configuration) } catch { throw .cannotApply(error) }
    steps.append(step)
  }

  // MARK: - Domains as DMS spells them

  /// The managed spellings of `domain` (DMS compares case-sensitively; several are possible).
  func managedSpellings(_ domain: String) -> [String] {
    planner.managedDomains.filter { $0.lowercased() == domain }
  }

  /// The spelling to write keys in: DMS's own (so its generated line is blocked and its
  /// opt-out test matches), else the one already in the relay map, else lower case.
  func spelling(_ domain: String) -> String {
    if let managed = managedSpellings(domain).first { return managed }
    if let line = relayLines(domain).first { return String(line.key.dropFirst()) }
    return domain
  }

  func isValidDomain(_ name: String) -> Bool {
    (try? RelayEdit.validateDomain(name)) != nil
  }

  /// Relay map lines Postfix reads as keyed `@domain` (any case; indented lines are
  /// continuations, not keys).
  func relayLines(_ domain: String) -> [(key: String, value: String)] {
    guard let map = configuration.relayMap else { return [] }
    return map.document.lines.compactMap { line in
      guard let first = line.body.first, !Bytes.isSpace(first),
        case .relay(let key, let value) = RelayMapFile.classify(line),
        key.lowercased() == "@\(domain)"
      else { return nil }
      return (key, value)
    }
  }

  /// Opt-out spellings of `domain` in the relay map (any case).
  func optOuts(_ domain: String) -> [String] {
    configuration.relayMap?.kinds.compactMap {
      if case .optOut(let name) = $0, name.lowercased() == domain { return name }
      return nil
    } ?? []
  }

  /// Credentials lines keyed `@domain` (any case), not indented.
  func saslDomainKeys(_ domain: String) -> [String] {
    unique(
      configuration.saslPasswords?.document.lines.compactMap { line -> String? in
        guard let first = line.body.first, !Bytes.isSpace(first), !Bytes.isComment(line.body) else { return nil }
        let key = KeyValueLine(line.body).key
        return key.lowercased() == "@\(domain)" ? String(key.dropFirst()) : nil
      } ?? [])
  }

  func unique(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0).inserted }
  }

  // MARK: - Environment

  mutating func planEnvironment() throws(PlanError) {
    switch strategy {
    case .noRelay, .relayMapOnly:
      break
    case .relayHost(let relay):
      anchor = relay
    case .defaultRelay(let relay):
      defaultRelay = relay
      let currentMatches =
        !original["RELAY_HOST"].isEmpty && original.envRelayHost.lowercased() == relay.nextHop.lowercased()
      let needsRelayHost =
        rules.relayMapNeedsRelayHost
        && (relay.credentials != nil
          || domains.contains { intent.destination(for: $0).relay.map { $0 != relay } ?? false })
      if needsRelayHost || currentMatches { anchor = relay }
    }

    if let anchor {
      if environment["RELAY_HOST"].lowercased() != anchor.host.lowercased() {
        try add(.edit(.setEnv(key: "RELAY_HOST", value: anchor.host)), relayHostReason(anchor))
      }
      let portText = environment["RELAY_PORT"]
      let port = portText.isEmpty ? 25 : Int(portText)
      if port != anchor.port {
        if anchor.port == 25 {
          try add(.edit(.unsetEnv(key: "RELAY_PORT")), "DMS writes RELAY_HOST as [RELAY_HOST]:RELAY_PORT; port 25 is the default")
        } else {
          try add(
            .edit(.setEnv(key: "RELAY_PORT", value: String(anchor.port))),
            "DMS writes RELAY_HOST as [RELAY_HOST]:RELAY_PORT (default 25)")
        }
      }
    } else if !environment["RELAY_HOST"].isEmpty {
      let reason =
        rules.relayMapWorksAlone
        ? "on DMS 14+ the relay map works without it, and RELAY_HOST would send every managed domain to '\(environment["RELAY_HOST"])'"
        : "RELAY_HOST would send every managed domain to '\(environment["RELAY_HOST"])'"
      try add(.edit(.unsetEnv(key: "RELAY_HOST")), reason)
    }

    if let defaultRelay {
      if environment["DEFAULT_RELAY_HOST"].lowercased() != defaultRelay.nextHop.lowercased() {
        try add(
          .edit(.setEnv(key: "DEFAULT_RELAY_HOST", value: defaultRelay.nextHop)),
          "Postfix's relayhost: every sender without its own relay map line, including domains DMS does not know, goes via \(defaultRelay.nextHop)")
      }
    } else if !environment["DEFAULT_RELAY_HOST"].isEmpty {
      let directs = domains.filter { intent.destination(for: $0) == .direct }
      let reason =
        directs.isEmpty && intent.otherDomains == .direct
        ? "every sender without its own relay map line would go via '\(environment["DEFAULT_RELAY_HOST"])', not direct"
        : "every sender without its own relay map line would go via '\(environment["DEFAULT_RELAY_HOST"])'; no relay map entry can say 'direct'"
      try add(.edit(.unsetEnv(key: "DEFAULT_RELAY_HOST")), reason)
    }

    // RELAY_USER/RELAY_PASSWORD: DMS keys them to the default relay; keep them only when
    // they already are that relay's credentials (the file is preferred for new ones).
    if original.hasEnvCredentials, let relay = envCredentialsRelay {
      let current = RelayCredentials(user: original["RELAY_USER"], password: original["RELAY_PASSWORD"])
      if relay.credentials == current {
        keepsEnvCredentials = true
      } else {
        let why =
          relay.credentials == nil
          ? "Postfix would log in to \(relay.nextHop) with them, which is meant to be used without AUTH"
          : "they are not the credentials wanted for \(relay.nextHop); the new ones go to \(SaslPasswordFile.fileName)"
        try add(.edit(.unsetEnv(key: "RELAY_USER")), "RELAY_USER/RELAY_PASSWORD: \(why)")
        try add(.edit(.unsetEnv(key: "RELAY_PASSWORD")), "RELAY_USER/RELAY_PASSWORD: \(why)")
      }
    }
  }

  /// The relay DMS keys `RELAY_USER`/`RELAY_PASSWORD` to after the plan (spec §3).
  var envCredentialsRelay: Relay? {
    rules.envCredentialsRelay(relayHost: anchor, defaultRelay: defaultRelay)
  }

  func relayHostReason(_ relay: Relay) -> String {
    switch strategy {
    case .defaultRelay:
      return "DMS < 14 reads \(RelayMapFile.fileName) and \(SaslPasswordFile.fileName) only when RELAY_HOST is set"
    default:
      if intent.otherDomains != .direct {
        return "DMS maps every domain it manages to RELAY_HOST; DEFAULT_RELAY_HOST cannot be used because some domains must go direct"
      }
      return "DMS < 14 reads \(RelayMapFile.fileName) and \(SaslPasswordFile.fileName) only when RELAY_HOST is set; it maps every managed domain to it (the relay most of the relayed domains use)"
    }
  }

  // MARK: - Relay map

  /// Where `domain` goes without a line of its own: `RELAY_HOST` for a managed domain
  /// that is not opted out, else `DEFAULT_RELAY_HOST`, else direct.
  func naturalRelay(_ domain: String, spelling: String) -> Relay? {
    if let anchor, managedSpellings(domain).contains(spelling), !optOuts(domain).contains(spelling) {
      return anchor
    }
    return defaultRelay
  }

  static func firstHop(_ value: String) -> NextHop? {
    guard case .success(let hop) = NextHopList(value).first else { return nil }
    return hop
  }

  static func hop(_ hop: NextHop?, isAt relay: Relay) -> Bool {
    guard let hop else { return false }
    return hop.skipsMXLookup && hop.host.lowercased() == relay.host.lowercased() && hop.port == relay.port
  }

  /// Removes the relay map lines keyed `@domain` in a spelling other than `keep` (a key
  /// Postfix folds into a duplicate), and opt-outs of other spellings unless they are
  /// spellings DMS manages and must stay opted out (`keepingOptOuts`).
  mutating func removeOtherSpellings(
    _ domain: String, keeping keep: String, keepingOptOuts: [String] = []
  ) throws(PlanError) {
    for key in unique(relayLines(domain).map(\.key)) where key != "@\(keep)" {
      try add(
        .edit(.delDomain(domain: String(key.dropFirst()))),
        "'\(key)' differs from '@\(keep)' only in letter case: DMS treats them as two keys, Postfix as one duplicate key")
    }
    for name in unique(optOuts(domain)) where name != keep && !keepingOptOuts.contains(name) {
      try add(
        .edit(.includeDomain(domain: name)),
        "the opt-out '@\(name)' differs from '@\(keep)' only in letter case and does not opt it out")
    }
  }

  /// Adds a relay map edit; where DMS manages the domain in several spellings (so the file
  /// must hold more than one), writes it in its exact case instead of refusing.
  mutating func addKeyed(_ edit: RelayEdit, _ reason: String) throws(PlanError) {
    var probe = configuration
    do {
      _ = try PlanStep(.edit(edit), reason: reason).apply(to: &probe)
    } catch {
      if case .keySpelledDifferently = error, let domain = edit.domain,
        managedSpellings(domain.lowercased()).count > 1
      {
        try add(.editExactCase(edit), reason + " (DMS manages this domain in several spellings)")
        return
      }
      throw .cannotApply(error)
    }
    try add(.edit(edit), reason)
  }

  mutating func planRelayMap() throws(PlanError) {
    for domain in domains {
      let key = spelling(domain)
      guard isValidDomain(key) else { continue }
      let managed = managedSpellings(domain).filter(isValidDomain)
      // With RELAY_HOST each managed spelling gets its own generated line: one may stay.
      let extraSpellings = anchor == nil ? [] : managed.filter { $0 != key }
      switch intent.destination(for: domain) {
      case .relay(let relay):
        try removeOtherSpellings(domain, keeping: key, keepingOptOuts: extraSpellings)
        let own = relayLines(domain).filter { $0.key == "@\(key)" }
        let ownIsRight = own.count == 1 && Self.hop(Self.firstHop(own[0].value), isAt: relay)
        if !ownIsRight {
          var covered = false
          if own.isEmpty, !explicitDomains.contains(domain) {
            if let natural = naturalRelay(domain, spelling: key), natural.hasSameNextHop(as: relay) {
              covered = true
            } else if let anchor, anchor.hasSameNextHop(as: relay), managed.contains(key),
              optOuts(domain).contains(key)
            {
              try add(
                .edit(.includeDomain(domain: key)),
                "'@\(key)' is opted out of RELAY_HOST, which is where it should go")
              covered = true
            }
          }
          if !covered, !own.isEmpty, !explicitDomains.contains(domain) {
            // Without its line the domain would go the right way (DEFAULT_RELAY_HOST or
            // RELAY_HOST): removing the line beats writing a second copy of the default.
            var probe = self
            try probe.add(.edit(.delDomain(domain: key)), "")
            if let natural = probe.naturalRelay(domain, spelling: key), natural.hasSameNextHop(as: relay) {
              try add(
                .edit(.delDomain(domain: key)),
                "this line sends @\(key) to '\(own[0].value)'; without it, it goes via \(relay.nextHop) like the other domains")
              covered = true
            }
          }
          if !covered {
            let why =
              own.isEmpty
              ? "mail from @\(key) goes via \(relay.nextHop)"
              : "mail from @\(key) goes via \(relay.nextHop) (the line said '\(own[0].value)')"
            try addKeyed(.addDomain(domain: key, host: relay.host, port: relay.port), why)
          }
        }
        for name in extraSpellings where !optOuts(domain).contains(name) {
          try addKeyed(
            .excludeDomain(domain: name),
            "DMS also manages @\(domain) spelled '\(name)'; opted out, so DMS does not add a second key Postfix would refuse as a duplicate")
        }
      case .direct:
        for line in unique(relayLines(domain).map(\.key)) {
          try add(
            .edit(.delDomain(domain: String(line.dropFirst()))),
            "mail from @\(domain) goes direct; this line sends it to a relay")
        }
        if anchor != nil {
          try removeOtherSpellings(domain, keeping: key, keepingOptOuts: managed)
          for name in managed where !optOuts(domain).contains(name) {
            try addKeyed(
              .excludeDomain(domain: name),
              "DMS maps every managed domain to RELAY_HOST unless it is opted out; @\(name) goes direct")
          }
        }
      }
    }
  }

  /// With `RELAY_HOST`, DMS appends generated lines after the relay map's last line.
  mutating func planFinalNewline() throws(PlanError) {
    guard anchor != nil, let document = configuration.relayMap?.document, !document.hasFinalNewline else { return }
    try add(
      .addFinalNewline(file: .relayMap),
      "DMS appends its generated lines right after the last line, which has no newline: the first would be glued onto it")
  }

  /// Repeated keys left in the admin's files (after the domain passes): Postfix refuses the
  /// whole table, so the first line stays and the repeats go.
  mutating func planDuplicateKeys() throws(PlanError) {
    let files: [(RelayEdit.Target, TextDocument?)] = [
      (.relayMap, configuration.relayMap?.document), (.saslPasswords, configuration.saslPasswords?.document),
    ]
    for (target, document) in files {
      guard let document else { continue }
      var counts: [String: Int] = [:]
      var order: [String] = []
      for line in document.lines {
        guard let first = line.body.first, !Bytes.isSpace(first), !Bytes.isComment(line.body) else { continue }
        let fields = KeyValueLine(line.body)
        guard !fields.value.isEmpty else { continue }
        let folded = fields.key.lowercased()
        if counts[folded] == nil { order.append(fields.key) }
        counts[folded, default: 0] += 1
      }
      for key in order where counts[key.lowercased()]! > 1 {
        try add(
          .removeDuplicateKeys(file: target, key: key),
          "Postfix refuses a table with a repeated key ('\(key)'), so every lookup in it would fail; the first line stays")
      }
    }
  }

  // MARK: - Credentials

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
        let verifier = Verifier(configuration: configuration, family: family)
        let route = verifier.route(domain)
        guard let nexthop = route.nexthop, Self.hop(try? NextHop.parse(nexthop).get(), isAt: relay) else { continue }
        let used = verifier.credentialsValue(of: route)
        if let credentials = relay.credentials {
          if used != credentials.tableValue, !keys.isEmpty, Self.isOwnKey(route.authDecidedBy, keys) {
            // Without the domain's own line the relay's credentials may already be right.
            var probe = self
            for name in keys { try probe.add(.edit(.delAuth(domain: name)), "") }
            let alternative = Verifier(configuration: probe.configuration, family: family)
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
        } else if used != nil, let decided = route.authDecidedBy,
          let name = keys.first(where: { "sasl_passwd:@\($0)".lowercased() == decided.lowercased() })
        {
          try add(
            .edit(.delAuth(domain: name)),
            "\(relay.nextHop) is meant to be used without AUTH for @\(domain)")
        }
      }
    }
  }

  /// Whether the credentials came from one of the domain's own `@domain` lines.
  static func isOwnKey(_ decided: String?, _ keys: [String]) -> Bool {
    guard let decided else { return false }
    return keys.contains { "sasl_passwd:@\($0)".lowercased() == decided.lowercased() }
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

  // MARK: - Putting it together

  mutating func run() throws(PlanError) -> RelayPlan {
    try planEnvironment()
    var routes: [PlannedRoute] = []
    for _ in 0..<3 {
      try planRelayMap()
      try planRelayCredentials()
      try planDomainCredentials()
      try planDuplicateKeys()
      try planFinalNewline()
      try planLegacySaslPasswd()
      try planPasswordTable()
      routes = Verifier(configuration: configuration, family: family).verify(intent, domains: domains)
      // A relayed domain DMS still does not map as planned (prefix collisions, glued
      // domains …) gets a line of its own on the next round.
      let missing = routes.filter { !$0.matches && $0.wanted.relay != nil }.compactMap(\.domain)
        .filter { !explicitDomains.contains($0) }
      if missing.isEmpty { break }
      explicitDomains.formUnion(missing)
    }
    let limitations = routes.filter { !$0.matches }.map(limitation)
    return RelayPlan(
      version: planner.version, intent: intent, strategy: strategy, steps: steps,
      original: planner.configuration, planned: configuration, routes: routes,
      limitations: limitations, consequences: consequences(routes), editNotes: notes)
  }
}

extension Planner {
  func build(_ strategy: PlanStrategy, intent: RoutingIntent, domains: [String]) throws(PlanError) -> RelayPlan {
    var builder = PlanBuilder(planner: self, intent: intent, domains: domains, strategy: strategy)
    return try builder.run()
  }
}
