import RelayModel

/// The row above the key bar: diagnostic counts, the filter, the last message; while
/// typing a filter, the filter prompt.
enum StatusLine {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let row = state.layout.statusRow
    let width = surface.size.columns
    if case .filter? = state.destination {
      let rows = state.visibleRows(state.tab)
      let spans = [Span(" /", .keyLabel), Span(" \(state.filter)", .bold), Span("▏", .info),
        Span("   \(rows.count) of \(state.rowCount(state.tab)) match", .dim)]
      surface.put(spans, at: Point(row: row, column: 0), width: width)
      return
    }
    let preview = state.preview
    let infos = preview.diagnostics.count - preview.errorCount - preview.warningCount
    var spans: [Span] = [Span(" ")]
    spans.append(Span("✖ \(state.derived.errorCountText)", state.derived.hasErrors ? .error : .dim))
    spans.append(Span("  "))
    spans.append(Span("▲ \(preview.warningCount) warning\(preview.warningCount == 1 ? "" : "s")", preview.warningCount > 0 ? .warning : .dim))
    if infos > 0 { spans.append(Span("  ℹ \(infos)", .info)) }
    if !state.filter.isEmpty, state.tab != .changes {
      spans.append(Span("  filter '\(state.filter)': \(state.visibleRows(state.tab).count) shown", .info))
    }
    if let status = state.status, !status.text.isEmpty {
      spans.append(Span("  │ ", .dim))
      spans.append(Span(status.text, .status(status.kind)))
    }
    surface.put(spans, at: Point(row: row, column: 0), width: width)
  }
}
