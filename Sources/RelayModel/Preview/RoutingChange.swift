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
    // Indices, not copies: for 400,000 senders a dictionary of routes and a list of pairs
    // held another two copies of every route (1.5 GB for add-domain on such a map). The
    // index is built only when a sender is not at its old place.
    var oldIndex: [String: Int]?
    func oldRoute(_ sender: String) -> Route {
      if oldIndex == nil {
        var index: [String: Int] = [:]
        index.reserveCapacity(old.routes.count)
        for (position, route) in old.routes.enumerated() { index[route.sender.lowercased()] = position }
        oldIndex = index
      }
      return oldIndex?[sender.lowercased()].map { old.routes[$0] } ?? old.route(sender)
    }
    var changes: [VersionComparison.Change] = []
    func compare(_ a: Route, _ b: Route) {
      guard VersionComparison.differs(a, b) else { return }
      changes.append(
        VersionComparison.Change(
          sender: b.sender, from: a, to: b,
          summary: "\(VersionComparison.describe(a, b)) → \(VersionComparison.describe(b, a))"))
    }
    for (index, route) in new.routes.enumerated() {
      // Most senders keep their place; one the edit adds (a new relay map key) is compared
      // with its route before it.
      if index < old.routes.count, old.routes[index].sender == route.sender {
        compare(old.routes[index], route)
      } else {
        compare(oldRoute(route.sender), route)
      }
    }
    let other = VersionComparison.otherSenderProbe
    compare(old.route(other), new.route(other))
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
