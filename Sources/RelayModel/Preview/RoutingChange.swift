/// What an edit does to routing on one DMS version: the senders whose route changes and
/// the diagnostics it fixes or introduces (issue 14 fix 2).
///
/// Every CLI edit command prints this, also with `--dry-run`, so `unset-env RELAY_HOST` on a
/// working setup no longer prints one removed line and exits 0 while `preview` has two errors.
public struct RoutingChange: Sendable {
  public var version: DMSVersion
  /// Senders (and "any other sender") whose outcome, next hop, AUTH user or TLS changes.
  public var changes: [VersionComparison.Change]
  public var fixed: [Diagnostic]
  public var introduced: [Diagnostic]

  public init(before: Configuration, after: Configuration, version: DMSVersion) {
    self.version = version
    let old = RoutingPreview(configuration: before, version: version)
    let new = RoutingPreview(configuration: after, version: version)
    var oldRoutes: [String: Route] = [:]
    for route in old.routes { oldRoutes[route.sender.lowercased()] = route }
    var changes: [VersionComparison.Change] = []
    var pairs: [(Route, Route)] = []
    for route in new.routes {
      // A sender the edit adds (a new relay map key) is compared with its route before it.
      pairs.append((oldRoutes[route.sender.lowercased()] ?? old.route(route.sender), route))
    }
    let other = VersionComparison.otherSenderProbe
    pairs.append((old.route(other), new.route(other)))
    for (a, b) in pairs where VersionComparison.differs(a, b) {
      changes.append(
        VersionComparison.Change(
          sender: b.sender, from: a, to: b,
          summary: "\(VersionComparison.describe(a, b)) → \(VersionComparison.describe(b, a))"))
    }
    self.changes = changes
    // Line numbers move with an edit: a diagnostic is the same when its code and words are.
    func key(_ diagnostic: Diagnostic) -> String { "\(diagnostic.id.rawValue) \(diagnostic.message)" }
    let oldKeys = Set(old.diagnostics.map(key))
    let newKeys = Set(new.diagnostics.map(key))
    fixed = old.diagnostics.filter { !newKeys.contains(key($0)) }
    introduced = new.diagnostics.filter { !oldKeys.contains(key($0)) }
  }

  /// Senders whose mail left before the edit and is deferred or bounced after it.
  public var newlyFailing: [VersionComparison.Change] {
    changes.filter { !$0.from.outcome.fails && $0.to.outcome.fails }
  }

  /// True when the edit adds an error diagnostic or stops a sender's mail.
  public var introducesError: Bool {
    introduced.contains { $0.severity == .error } || !newlyFailing.isEmpty
  }

  public var isEmpty: Bool { changes.isEmpty && fixed.isEmpty && introduced.isEmpty }
}

extension RouteOutcome {
  /// Deferred, bounced or an smtp error: the mail does not leave.
  public var fails: Bool { self == .deferred || self == .bounced || self == .error }
}
