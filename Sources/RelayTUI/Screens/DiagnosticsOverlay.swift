import RelayModel

/// `i`: every diagnostic of the selected version, with its location and fix.
enum DiagnosticsOverlay {
  /// Wide enough for a diagnostic and its fix on one line each, where the terminal allows.
  static let widest = 100

  static func render<S: Surface>(_ state: AppState, scroll: Int, into surface: inout S) {
    let preview = state.preview
    let box = Overlay.centred(width: widest, height: surface.size.rows - 2, in: surface.size)
    let title = "Diagnostics on DMS \(state.version.name): \(preview.errorCount) error(s), \(preview.warningCount) warning(s)"
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: title)
    var pane = DetailPane.Builder(width: box.innerWidth + 2)
    if preview.diagnostics.isEmpty { pane.plain([Span(" No diagnostics: DMS and Postfix will do what the files say.", .ok)]) }
    // First what the detail pane cut ("… N more (i)"): the selected row's every line.
    if let detail = selectedDetail(state, width: box.innerWidth + 2) {
      pane.plain([Span(" \(detail.title)", .bold)])
      for line in detail.lines { pane.plain(line) }
      pane.plain([])
      pane.plain([Span(" All diagnostics", .bold)])
    }
    if let other = state.comparisonVersion {
      section("Fixed on \(other.name) (\(state.derived.comparisonFixed.count))", state.derived.comparisonFixed, into: &pane)
      section("New on \(other.name) (\(state.derived.comparisonIntroduced.count))", state.derived.comparisonIntroduced, into: &pane)
      pane.plain([Span(" On \(state.version.name):", .bold)])
    }
    for diagnostic in preview.diagnostics {
      pane.diagnostic(diagnostic)
      pane.plain([])
    }
    // Scrolled by lines (↑↓), stopping with the last line at the bottom.
    let top = min(scroll, max(pane.lines.count - box.innerRows, 0))
    for (index, spans) in pane.lines.dropFirst(top).prefix(box.innerRows).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.left + 1), width: box.innerWidth + 2)
    }
  }

  static func selectedDetail(_ state: AppState, width: Int) -> (title: String, lines: [[Span]])? {
    switch state.tab {
    case .domains: return DomainsScreen.detail(state, width: width)
    case .relays: return RelaysScreen.detail(state, width: width)
    case .credentials: return CredentialsScreen.detail(state, width: width)
    case .routing: return RoutingScreen.detail(state, width: width)
    default: return nil
    }
  }

  /// The comparison's fixed or new diagnostics, one line each (issue 14 fix 9).
  static func section(_ title: String, _ diagnostics: [Diagnostic], into pane: inout DetailPane.Builder) {
    pane.plain([Span(" \(title)", .bold)])
    for diagnostic in diagnostics {
      pane.plain([Span(" \(Marker.icon(diagnostic.severity)) ", Marker.style(diagnostic.severity)), Span("[\(diagnostic.id.rawValue)] \(diagnostic.id.title)")])
    }
    pane.plain([])
  }
}
