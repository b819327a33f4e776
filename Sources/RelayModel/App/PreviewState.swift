/// Everything derived from the workspace and the chosen versions: the routing preview and
/// the rows of every screen.
///
/// Rebuilt only when an edit, an undo, a write or a version change alters its inputs, never
/// on a navigation key; rows are plain values so drawing a frame only reads them.
public struct PreviewState: Sendable {
  public var preview: RoutingPreview
  public var comparison: RoutingPreview?
  public var domains: [DomainRow]
  public var relays: [RelayRow]
  public var credentials: [CredentialRow]
  public var routes: [RouteRow]
  public var changes: [ChangeLine]
  /// The setup-wide failure the Routing screen shows first, if any.
  public var headline: Diagnostic?
  /// With a comparison version: diagnostics it no longer has, and those only it has.
  public var comparisonFixed: [Diagnostic] = []
  public var comparisonIntroduced: [Diagnostic] = []
  /// Routes deferred or bounced: rows marked ✖ whatever their diagnostics' severity.
  public var undeliveredSenders: Int

  public init(workspace: Workspace, version: DMSVersion, comparisonVersion: DMSVersion?) {
    let configuration = workspace.configuration
    let preview = RoutingPreview(configuration: configuration, version: version)
    let comparison = comparisonVersion.map { RoutingPreview(configuration: configuration, version: $0) }
    let index = DiagnosticIndex(preview.diagnostics)
    self.preview = preview
    self.comparison = comparison
    domains = DomainRow.rows(configuration: configuration, preview: preview, diagnosticsByLine: index)
    relays = RelayRow.rows(configuration: configuration, preview: preview)
    credentials = CredentialRow.rows(configuration: configuration, preview: preview)
    routes = RouteRow.rows(preview: preview, comparison: comparison, diagnosticsByLine: index)
    changes = ChangeLine.lines(edits: workspace.edits, plan: workspace.plan)
    headline = Self.headline(preview.diagnostics)
    if let comparison {
      let here = Set(preview.diagnostics.map(\.id))
      let there = Set(comparison.diagnostics.map(\.id))
      comparisonFixed = preview.diagnostics.filter { !there.contains($0.id) }
      comparisonIntroduced = comparison.diagnostics.filter { !here.contains($0.id) }
    }
    undeliveredSenders = preview.routes.reduce(0) { $0 + ($1.outcome.fails ? 1 : 0) }
  }

  /// The status line's error count, agreeing with the rows' ✖ marks.
  public var errorCountText: String {
    CountText.errors(diagnostics: preview.errorCount, undeliveredSenders: undeliveredSenders)
  }

  /// True when the count is shown as an error (red): an error diagnostic or a failing route.
  public var hasErrors: Bool { preview.errorCount > 0 || undeliveredSenders > 0 }

  /// Failures that stop mail for every sender, most fundamental first.
  static let setupWide: [DiagnosticID] = [
    .noCredentialsSmtpDies, .duplicateKey, .commentAsRelay, .unparseableRelay, .relayHostHasPort,
    .relayMapIgnored, .saslFileIgnored,
  ]

  static func headline(_ diagnostics: [Diagnostic]) -> Diagnostic? {
    for id in setupWide {
      if let found = diagnostics.first(where: { $0.id == id && $0.severity == .error }) { return found }
    }
    return nil
  }

  /// Number of rows of a tab's list.
  public func rowCount(_ tab: Tab) -> Int {
    switch tab {
    case .domains: return domains.count
    case .relays: return relays.count
    case .credentials: return credentials.count
    case .routing: return routes.count
    case .changes: return changes.count
    case .observed: return 0  // the log's rows live in `AppState.observed`
    }
  }

  /// The lowercased text `/` matches against, for row `index` of `tab`.
  func searchText(_ tab: Tab, _ index: Int) -> String {
    switch tab {
    case .domains:
      let row = domains[index]
      if case .relay(_, let value, _) = row.relayEntry { return (row.name + " " + value).lowercased() }
      return row.name.lowercased()
    case .relays: return (relays[index].nexthop + " " + relays[index].relayMapKeys.joined(separator: " ")).lowercased()
    case .credentials: return (credentials[index].key + " " + credentials[index].user).lowercased()
    case .routing: return routes[index].route.sender.lowercased()
    case .changes: return changes[index].text.lowercased()
    case .observed: return ""
    }
  }
}
