import RelayModel

/// Screen 4: where each sender's mail goes on the selected version, the line that decided
/// it, and the diagnostics — led by a banner when nothing can leave at all.
enum RoutingScreen {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let layout = state.layout
    let width = surface.size.columns
    if let headline = state.derived.headline {
      let lines = Banner.lines(for: headline, width: width, limit: layout.bannerRows)
      let messageRows = Banner.messageRowCount(lines)
      for (index, line) in lines.enumerated() {
        let row = Layout.bannerTop + index
        let style: Style = index < messageRows ? .banner : .bannerFix
        surface.fill(row: row, column: 0, width: width, style: style)
        surface.put(index == 0 ? " ✖ " : "   ", at: Point(row: row, column: 0), style: style)
        surface.put(line, at: Point(row: row, column: 3), width: width - Banner.margin, style: style)
      }
    }
    var columns = [Column("", .fixed(1)), Column("Sender", .fit(minimum: 12, priority: 0))]
    columns.append(Column("On \(state.version.name) (\(state.version.family.rawValue))", .fit(minimum: 16, priority: 0)))
    if let other = state.comparisonVersion {
      let title = "On \(other.name) (\(other.family.rawValue))"
      columns.append(Column(title, .fit(minimum: title.count + 2, priority: 0)))
    } else {
      columns.append(Column("Decided by", .flexible(weight: 3, minimum: 12)))
    }
    let checked = !state.checks.isEmpty
    if checked { columns.append(Column("Checked", .fixed(CheckResultText.columnWidth))) }
    let rows = state.derived.routes
    ListView.render(
      columns: columns, layout: layout, rows: state.visibleRows(.routing), position: state.position(.routing),
      empty: state.filter.isEmpty ? "No senders known: add accounts or relay map entries. t routes any address" : "Nothing matches '\(state.filter)'",
      into: &surface
    ) { index in
      let row = rows[index]
      let severity = row.diagnostics.map(\.severity).min()
      var marker = Marker.span(
        RouteText.style(row.route) == .error
          ? .error : (row.route.warnings.isEmpty && row.authenticatedBy == nil ? severity : .warning))
      if state.observedSummary(forSender: row.route.sender)?.agrees == false { marker = [Span("◆", .error)] }
      if row.differs { marker = [Span("≠", .changed)] }
      var cells: [[Span]] = [marker, [Span(row.route.sender, .bold)], RouteText.short(row.route)]
      if let other = row.comparison {
        cells.append(row.differs ? RouteText.short(other).map { Span($0.text, .changed) } : RouteText.short(other))
      } else {
        cells.append([Span(RouteText.decidedBy(row.route), .dim)])
      }
      if checked { cells.append(CheckResultText.marker(state.checkRecord(forSender: row.route.sender))) }
      return cells
    }
    let detail = Self.detail(state, width: width)
    DetailPane.render(title: detail?.title ?? "Route", lines: detail?.lines ?? [], layout: layout, into: &surface)
  }

  /// The selected sender's detail lines, all of them (the `i` overlay shows what the pane cuts).
  static func detail(_ state: AppState, width: Int) -> (title: String, lines: [[Span]])? {
    guard let index = state.selectedIndex(.routing) else { return nil }
    let rows = state.derived.routes
    let row = rows[index]
    var pane = DetailPane.Builder(width: width)
    if let record = state.checkRecord(forSender: row.route.sender) { CheckResultText.append(record, into: &pane) }
    // What the mail log saw comes first: a contradiction is why the admin is looking.
    if let observed = state.observedSummary(forSender: row.route.sender) {
      switch observed.agrees {
      case false?: pane.message("◆", "Observed: " + (observed.explanation ?? "the mail log disagrees"), .error)
      case true?: pane.field("Observed", "agrees: \(observed.messageCount) message(s) in the mail log went as predicted", .ok)
      case nil: break
      }
    }
    // Then: the list shows the route, not that the relay will refuse it.
    if let other = row.authenticatedBy {
      pane.message(Marker.icon(.warning), row.route.unauthenticatedNote(authenticatedBy: other), Marker.style(.warning))
    }
    let domainRow = index < state.derived.domains.count ? state.derived.domains[index] : nil
    RouteText.explain(row.route, on: state.version, decision: domainRow.flatMap(DomainsScreen.decision), into: &pane)
    if let other = row.comparison, let version = state.comparisonVersion {
      pane.field("On \(version.name)", other.summary, row.differs ? .changed : RouteText.style(other))
      if row.differs { pane.field("", "decided by " + RouteText.decidedBy(other), .dim) }
    }
    for diagnostic in row.diagnostics { pane.diagnostic(diagnostic) }
    return (row.route.sender, pane.lines)
  }
}
