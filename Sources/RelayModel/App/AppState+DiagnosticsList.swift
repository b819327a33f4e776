extension AppState {
  /// A command while the diagnostics list (`i`) is open: arrows scroll, any other key closes.
  mutating func diagnosticsCommand(_ command: KeyCommand?, scroll: Int) -> [AppEffect] {
    let last = max(derived.preview.diagnostics.count - 1, 0)
    switch command {
    case .lineUp?: destination = .diagnostics(scroll: max(scroll - 1, 0))
    case .lineDown?: destination = .diagnostics(scroll: min(scroll + 1, last))
    case .first?: destination = .diagnostics(scroll: 0)
    case .last?: destination = .diagnostics(scroll: last)
    default: destination = nil
    }
    return []
  }
}
