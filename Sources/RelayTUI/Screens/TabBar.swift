import RelayModel

/// The second row: `1 Domains 2 Relays 3 Credentials 4 Routing 5 Changes`, the current
/// one highlighted, with row counts.
enum TabBar {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    var column = 0
    for tab in Tab.allCases {
      let count: String
      switch tab {
      case .changes: count = state.workspace.edits.isEmpty ? "" : " (\(state.workspace.edits.count))"
      case .routing: count = state.derived.headline != nil ? " ✖" : ""
      case .observed:
        let disagreeing = state.observed.summaries.contains { $0.agrees == false }
        count = state.observed.log == nil ? "" : disagreeing ? " ≠" : " \(state.observed.summaries.count)"
      default: count = " \(state.derived.rowCount(tab))"
      }
      let label = " \(tab.rawValue) \(tab.title)\(count) "
      surface.put(label, at: Point(row: Layout.tabRow, column: column), style: tab == state.tab ? .tabActive : .tabInactive)
      column += CellWidth.of(label) + 1
    }
  }
}
