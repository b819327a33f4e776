extension AppState {
  /// A command while the diagnostics list (`i`) is open: arrows scroll, any other key closes.
  mutating func diagnosticsCommand(_ command: KeyCommand?, scroll: Int) -> [AppEffect] {
    // The overlay scrolls by lines (the selected row's detail, then every diagnostic with its
    // fix) and stops at its last line; this bound only keeps the count finite.
    let last = derived.preview.diagnostics.count * Self.linesPerDiagnostic + Self.detailLinesBound
    switch command {
    case .lineUp?: destination = .diagnostics(scroll: max(scroll - 1, 0))
    case .lineDown?: destination = .diagnostics(scroll: min(scroll + 1, last))
    case .first?: destination = .diagnostics(scroll: 0)
    case .last?: destination = .diagnostics(scroll: last)
    default: destination = nil
    }
    return []
  }

  static let linesPerDiagnostic = 6
  static let detailLinesBound = 40
}
