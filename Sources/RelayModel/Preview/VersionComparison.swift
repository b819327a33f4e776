/// The upgrade check: which senders' routes change between two DMS versions, and why.
public struct VersionComparison: Sendable {
  public struct Change: Sendable, Hashable {
    public var sender: String
    public var from: Route
    public var to: Route
    /// What differs, in words ("relayed via [a]:587 as u → direct to the recipient's MX").
    public var summary: String
  }

  public var from: RoutingPreview
  public var to: RoutingPreview
  public var changes: [Change]
  /// Diagnostics present only on the old version (fixed by the upgrade) …
  public var resolvedDiagnostics: [Diagnostic]
  /// … and only on the new one (introduced by it).
  public var introducedDiagnostics: [Diagnostic]
  /// Errors and warnings on both: what the upgrade leaves to fix (issue 14 fix 3: "Fixed by
  /// 15.1.0" alone read as if the upgrade cured a setup whose relays still get no AUTH).
  public var remainingDiagnostics: [Diagnostic]
  /// Senders the new version relays without AUTH: a relay that requires a login refuses
  /// their mail, whatever the diagnostics say.
  public var unauthenticatedOnTarget: [Route] { to.routes.filter { $0.outcome == .relayed && $0.authUser == nil } }

  public init(configuration: Configuration, from: DMSVersion, to: DMSVersion) {
    let old = RoutingPreview(configuration: configuration, version: from)
    let new = RoutingPreview(configuration: configuration, version: to)
    self.from = old
    self.to = new
    var changes: [Change] = []
    let unknown = Self.otherSenderProbe
    let pairs = zip(old.routes, new.routes).map { ($0, $1) } + [(old.route(unknown), new.route(unknown))]
    for (a, b) in pairs where Self.differs(a, b) {
      changes.append(
        Change(sender: a.sender, from: a, to: b, summary: "\(Self.describe(a, b)) → \(Self.describe(b, a))"))
    }
    self.changes = changes
    let oldIDs = Set(old.diagnostics.map(\.id))
    let newIDs = Set(new.diagnostics.map(\.id))
    resolvedDiagnostics = old.diagnostics.filter { !newIDs.contains($0.id) }
    introducedDiagnostics = new.diagnostics.filter { !oldIDs.contains($0.id) }
    remainingDiagnostics = new.diagnostics.filter { oldIDs.contains($0.id) && $0.severity != .info }
  }

  /// An address no file names, routed to show where "any other sender" goes.
  public static let otherSenderProbe = "someone@not-a-managed-domain.invalid"

  /// The route's summary, with its TLS level when that is what changes.
  public static func describe(_ route: Route, _ other: Route) -> String {
    route.tls == other.tls ? route.summary : "\(route.summary) (TLS \(route.tls))"
  }

  static func differs(_ a: Route, _ b: Route) -> Bool {
    a.outcome != b.outcome || a.nexthop != b.nexthop || a.authUser != b.authUser || a.tls != b.tls
  }
}
