/// The route a plan produces for one sender domain, next to the route the admin wanted.
public struct PlannedRoute: Hashable, Sendable {
  /// The domain, or nil for the stand-in of "every other domain" (a domain DMS does not know).
  public var domain: String?
  public var wanted: RoutingIntent.Destination
  /// What the engine predicts for `@domain` on the planned configuration.
  public var route: Route
  public var matches: Bool

  /// `a.test`, or `(other domains)`.
  public var label: String { domain ?? "(other domains)" }
}

/// Something the plan cannot do on the target version, with what happens instead.
public struct PlanLimitation: Hashable, Sendable, CustomStringConvertible {
  /// The domain concerned, or nil for every domain DMS does not know.
  public var domain: String?
  public var wanted: RoutingIntent.Destination
  public var actual: Route
  /// Why, in one or two sentences.
  public var explanation: String

  public var description: String {
    "\(domain ?? "other domains"): wanted \(wanted), but \(actual.summary). \(explanation)"
  }
}

/// How a plan makes DMS route mail (the choice depends on the version family).
public enum PlanStrategy: Hashable, Sendable, CustomStringConvertible {
  /// Nothing relayed: no `RELAY_HOST`, no `DEFAULT_RELAY_HOST`.
  case noRelay
  /// v14+: one relay map line per relayed domain; no `RELAY_HOST`.
  case relayMapOnly
  /// `RELAY_HOST` = this relay (DMS maps every managed domain to it), opt-outs for the
  /// managed domains that go elsewhere, relay map lines for the rest.
  case relayHost(Relay)
  /// `DEFAULT_RELAY_HOST` = this relay for every sender without its own line (on DMS < 14
  /// with `RELAY_HOST` too when credentials or relay map lines are needed).
  case defaultRelay(Relay)

  public var description: String {
    switch self {
    case .noRelay: return "no relay"
    case .relayMapOnly: return "relay map only"
    case .relayHost(let relay): return "RELAY_HOST \(relay.nextHop)"
    case .defaultRelay(let relay): return "DEFAULT_RELAY_HOST \(relay.nextHop)"
    }
  }
}

/// A verified plan: the steps, the configuration they produce, and the engine's routing of
/// it next to the intent.
///
/// `isExact` is true when DMS of `version` routes every domain as intended; otherwise
/// `limitations` says what differs and why, and the steps are the closest achievable plan.
public struct RelayPlan: Sendable {
  public var version: DMSVersion
  public var intent: RoutingIntent
  public var strategy: PlanStrategy
  public var steps: [PlanStep]
  /// The configuration the plan was made from …
  public var original: Configuration
  /// … and the one it produces.
  public var planned: Configuration
  /// One per intent domain and known domain, then one for "other domains".
  public var routes: [PlannedRoute]
  public var limitations: [PlanLimitation]
  /// Side effects the admin should know (TLS `encrypt`, SRS, per-address exceptions …).
  public var consequences: [String]
  /// Notes from the file edits (line endings, removed duplicates …).
  public var editNotes: [String]

  public var isExact: Bool { limitations.isEmpty }
  public var isEmpty: Bool { steps.isEmpty }
  public var changesEnvironment: Bool { steps.contains(where: \.isEnvironmentChange) }
  public var changesFiles: Bool { steps.contains { !$0.isEnvironmentChange } }

  /// The planned configuration's preview: generated state, routes and diagnostics.
  public var preview: RoutingPreview { RoutingPreview(configuration: planned, version: version) }

  /// What the admin does after the files are written.
  public var nextSteps: [String] {
    version.family.rules.nextSteps(
      version: version, changesEnvironment: changesEnvironment, changesFiles: changesFiles,
      removesAllCredentials: hasCredentials(original) && !hasCredentials(planned),
      provisioner: planned.environment(for: version, path: .startup)["ACCOUNT_PROVISIONER"])
  }

  private func hasCredentials(_ configuration: Configuration) -> Bool {
    configuration.saslPasswords?.kinds.contains {
      if case .credential = $0 { return true }
      return false
    } ?? false
  }

  /// The env edits of the plan, in order.
  public var environmentEdits: [RelayEdit] {
    steps.compactMap { $0.isEnvironmentChange ? $0.edit : nil }
  }

  /// The files to write, for `FileStore.write`. `loaded` must be what the plan was made
  /// from (`loaded.configuration == original`): config files get the planned bytes, env
  /// edits go where `loaded` says the variable lives (an error when that is compose's
  /// inline `environment:`, which this tool does not rewrite).
  public func writePlan(for loaded: LoadedConfiguration) throws(EditError) -> WritePlan {
    var plan = WritePlan()
    let documents: [(String, WritePlan.FileKind, TextDocument?, TextDocument?)] = [
      (RelayMapFile.fileName, .relayMap, original.relayMap?.document, planned.relayMap?.document),
      (SaslPasswordFile.fileName, .saslPasswords, original.saslPasswords?.document, planned.saslPasswords?.document),
    ]
    for (name, kind, before, after) in documents {
      guard let after, after != before else { continue }
      guard let path = loaded.path(of: name) else { throw .noConfigDirectory }
      plan.files.append(
        WritePlan.File(
          path: path, kind: kind, originalBytes: loaded.originals[path] ?? [], newBytes: after.bytes,
          existed: loaded.originals[path] != nil))
    }
    let envEdits = environmentEdits
    if !envEdits.isEmpty {
      let envPlan = try loaded.plan(envEdits)
      plan.files += envPlan.files
      plan.notes += envPlan.notes
    }
    plan.notes = editNotes + plan.notes
    return plan
  }
}
