import RelayModel

/// Screen 1: every sender domain, what the relay map says about it, and where its mail
/// goes on the selected version.
enum DomainsScreen {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let layout = state.layout
    let wide = surface.size.columns >= 110
    var columns = [Column("", .fixed(1)), Column("Domain", .fit(minimum: 14, priority: 1))]
    if wide { columns.append(Column("Found in", .fixed(18))) }
    columns.append(Column("Relay map", .flexible(weight: 3, minimum: 10)))
    if wide { columns.append(Column("AUTH user", .flexible(weight: 1, minimum: 10))) }
    columns.append(Column("Route on \(state.version.name)", .fit(minimum: 16, priority: 0)))
    let checked = !state.checks.isEmpty
    if checked { columns.append(Column("Checked", .fixed(CheckResultText.columnWidth))) }
    let rows = state.derived.domains
    ListView.render(
      columns: columns, layout: layout, rows: state.visibleRows(.domains), position: state.position(.domains),
      empty: state.filter.isEmpty ? "No sender domains: add accounts, aliases or relay map entries (a)" : "Nothing matches '\(state.filter)' (Esc clears the filter)",
      into: &surface
    ) { index in
      let row = rows[index]
      var cells: [[Span]] = [Marker.span(row.marker), [Span(row.name, .bold)]]
      if wide { cells.append([Span(row.sources.map(\.rawValue).joined(separator: ", "), .dim)]) }
      cells.append(entry(row))
      if wide { cells.append([Span(row.credentialUser ?? "—", row.credentialUser == nil ? .dim : .normal)]) }
      cells.append(RouteText.short(row.route))
      if checked { cells.append(CheckResultText.marker(state.checkRecord(forSender: "@" + row.name))) }
      return cells
    }
    let detail = Self.detail(state, width: surface.size.columns)
    DetailPane.render(title: detail?.title ?? "Domain", lines: detail?.lines ?? [], layout: layout, into: &surface)
  }

  /// The selected domain's detail lines, all of them (the `i` overlay shows what the pane cuts).
  static func detail(_ state: AppState, width: Int) -> (title: String, lines: [[Span]])? {
    guard let index = state.selectedIndex(.domains) else { return nil }
    let row = state.derived.domains[index]
    var pane = DetailPane.Builder(width: width)
    if let record = state.checkRecord(forSender: "@" + row.name) { CheckResultText.append(record, into: &pane) }
    detail(row, routeRow: state.derived.routes[index], state: state, into: &pane)
    return ("@\(row.name)", pane.lines)
  }

  static func entry(_ row: DomainRow) -> [Span] {
    switch row.relayEntry {
    case .relay(_, let value, _): return [Span(value)]
    case .optOut(_, _, true): return [Span("opt-out", .info), Span(" (direct)", .dim)]
    case .optOut(let spelling, _, false): return [Span("opt-out '@\(spelling)' ignored", .warning)]
    case .none: return [Span("— default", .dim)]
    }
  }

  static func detail(_ row: DomainRow, routeRow: RouteRow, state: AppState, into pane: inout DetailPane.Builder) {
    pane.field("Found in", row.sources.map(\.rawValue).joined(separator: ", "))
    switch row.relayEntry {
    case .relay(let domain, let value, let line):
      pane.field("Relay map", "postfix-relaymap.cf:\(line)  @\(domain) \(value)")
    case .optOut(let domain, let line, let matchesCase):
      pane.field(
        "Relay map",
        matchesCase
          ? "postfix-relaymap.cf:\(line)  opt-out: no RELAY_HOST entry is generated"
          : "postfix-relaymap.cf:\(line)  '@\(domain)' opts out another spelling; DMS compares case-sensitively, so it does not apply",
        matchesCase ? .normal : .warning)
    case .none:
      if let blocked = blockedEntry(row, state.preview) {
        pane.field("Relay map", Route.blockedEntryNote(blocked), .warning)
      } else {
        pane.field("Relay map", "no line: follows RELAY_HOST / DEFAULT_RELAY_HOST, else direct", .dim)
      }
    }
    pane.field("Credentials", row.credentialUser.map { "user '\($0)' (postfix-sasl-password.cf)" } ?? "none for @\(row.name)")
    RouteText.explain(row.route, on: state.version, decision: decision(row), into: &pane)
    for diagnostic in routeRow.diagnostics { pane.diagnostic(diagnostic) }
  }

  /// The opt-out line that decided a direct route, named instead of "no relay map entry".
  static func decision(_ row: DomainRow) -> String? {
    guard case .optOut(let domain, let line, true) = row.relayEntry, row.route.decidedBy == nil else { return nil }
    return Route.optOutDecision(domain: domain, line: line)
  }

  /// The prefix collision that kept a domain without a line from its RELAY_HOST entry.
  static func blockedEntry(_ row: DomainRow, _ preview: RoutingPreview) -> Diagnostic? {
    guard row.route.nexthop == nil else { return nil }
    return preview.diagnostics.first { $0.id == .prefixCollision && $0.message.hasPrefix("'\(row.name)' gets no RELAY_HOST entry") }
  }
}
