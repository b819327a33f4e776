extension RoutingPreview {
  /// Which state the preview shows, said when the admin's overrides make the two differ
  /// (spec §8): after a restart the `postfix-main.cf` values hold, after change detection the
  /// relay setup's are back on top. Nil when they do not differ.
  public var shownStateNote: String? {
    let undone = diagnostics.filter { $0.id == .overrideUndoneOnChange }
    guard !undone.isEmpty else { return nil }
    let shown = state.path == .startup ? "after a restart" : "after change detection"
    let other = state.path == .startup ? "after change detection (an edit of the relay files)" : "after a restart"
    return
      "Shown: the state \(shown); \(other) \(undone.count) postfix-main.cf value\(undone.count == 1 ? " differs" : "s differ") (override-undone-on-change)."
  }
}
