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

  /// How often the plan is verified and amended at most: a relayed domain DMS still does
  /// not map as planned gets a line of its own in the next round; three rounds settle every
  /// case the property tests generate.
  static let rounds = 3

  var family: VersionFamily { planner.version.family }
  var rules: VersionRules { family.rules }
  /// The environment as DMS sees it, `__FILE` values included (spec §10).
  var original: RelayEnvironment { planner.configuration.environment(for: planner.version, path: .startup) }
  var environment: RelayEnvironment { configuration.environment(for: planner.version, path: .startup) }
  /// The configuration with the `__FILE` values DMS reads: what the verifier runs on.
  var resolved: Configuration { configuration.resolvingFileSecrets(for: planner.version) }

  init(planner: Planner, intent: RoutingIntent, domains: [String], strategy: PlanStrategy) {
    self.planner = planner
    self.intent = intent
    self.domains = domains
    self.strategy = strategy
    configuration = planner.configuration
  }

  mutating func add(_ action: PlanStep.Action, _ reason: String) throws(PlanError) {
    var action = action
    // A value DMS reads from a file goes with its `__FILE` variable, not with the variable
    // itself, which the env files do not assign (spec §10).
    if case .edit(.unsetEnv(let key)) = action,
      let secret = configuration.fileSecrets.first(where: { environment.origins[key] == $0.origin && $0.target == key })
    {
      action = .edit(.unsetEnv(key: secret.variable))
    }
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

  // MARK: - Putting it together

  mutating func run() throws(PlanError) -> RelayPlan {
    try planEnvironment()
    var routes: [PlannedRoute] = []
    for _ in 0..<Self.rounds {
      try planRelayMap()
      try planRelayCredentials()
      try planDomainCredentials()
      try planDuplicateKeys()
      try planFinalNewline()
      try planLegacySaslPasswd()
      try planPasswordTable()
      routes = Verifier(configuration: resolved, family: family).verify(intent, domains: domains)
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
