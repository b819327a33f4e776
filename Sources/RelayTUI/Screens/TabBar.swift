import RelayModel

/// The second row: `1 Domains 2 Relays 3 Credentials 4 Routing 5 Changes 6 Observed`, the
/// current one highlighted, with row counts.
///
/// When the labels do not fit with a gap between them, the gaps go; when they still do
/// not fit, the titles are shortened (`3 Cred`), so every tab's number stays visible.
enum TabBar {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let width = surface.size.columns
    var labels = Tab.allCases.map { label($0, title: $0.title, state) }
    var gap = 1
    if total(labels, gap: gap) > width { gap = 0 }
    if total(labels, gap: gap) > width { labels = Tab.allCases.map { label($0, title: shortTitle($0), state) } }
    var column = 0
    for (tab, label) in zip(Tab.allCases, labels) {
      surface.put(label, at: Point(row: Layout.tabRow, column: column), style: tab == state.tab ? .tabActive : .tabInactive)
      column += CellWidth.of(label) + gap
    }
  }

  static func label(_ tab: Tab, title: String, _ state: AppState) -> String {
    let count: String
    switch tab {
    case .changes: count = state.workspace.edits.isEmpty ? "" : " (\(state.workspace.edits.count))"
    case .routing: count = state.derived.headline != nil ? " ✖" : ""
    case .observed:
      let disagreeing = state.observed.summaries.contains { $0.agrees == false }
      count = state.observed.log == nil ? "" : disagreeing ? " ≠" : " \(state.observed.summaries.count)"
    default: count = " \(state.derived.rowCount(tab))"
    }
    return " \(tab.rawValue) \(title)\(count) "
  }

  static func total(_ labels: [String], gap: Int) -> Int {
    labels.reduce(0) { $0 + CellWidth.of($1) } + gap * (labels.count - 1)
  }

  static func shortTitle(_ tab: Tab) -> String {
    switch tab {
    case .domains: return "Dom"
    case .relays: return "Rel"
    case .credentials: return "Cred"
    case .routing: return "Route"
    case .changes: return "Chg"
    case .observed: return "Obs"
    }
  }
}
