import RelayModel

/// The second row: `1 Domains 2 Relays 3 Credentials 4 Routing 5 Changes 6 Observed`, the
/// current one highlighted, with row counts.
///
/// Every tab always shows: when the row is too narrow (60 columns) the gaps go first, then
/// the counts, then the other tabs' titles are shortened; the current tab keeps its title.
enum TabBar {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    var column = 0
    for (tab, label, gap) in labels(state, width: surface.size.columns) {
      surface.put(label, at: Point(row: Layout.tabRow, column: column), style: tab == state.tab ? .tabActive : .tabInactive)
      column += CellWidth.of(label) + gap
    }
  }

  /// How much a level keeps, widest first.
  private struct Level {
    var gap: Int
    var counts: Bool
    /// Characters of an inactive tab's title; nil keeps it whole.
    var titleLength: Int?
  }

  private static let levels = [
    Level(gap: 1, counts: true, titleLength: nil), Level(gap: 0, counts: true, titleLength: nil),
    Level(gap: 0, counts: false, titleLength: nil), Level(gap: 0, counts: false, titleLength: 4),
    Level(gap: 0, counts: false, titleLength: 0),
  ]

  /// The tabs' labels at the widest level that fits `width` columns.
  static func labels(_ state: AppState, width: Int) -> [(tab: Tab, label: String, gap: Int)] {
    var result: [(tab: Tab, label: String, gap: Int)] = []
    for level in levels {
      result = Tab.allCases.map { tab in
        var title = tab.title
        if tab != state.tab, let length = level.titleLength {
          title = length == 0 ? "" : (title.count > length ? String(title.prefix(length - 1)) + "." : title)
        }
        let count = level.counts ? Self.count(tab, state) : ""
        let label = title.isEmpty ? " \(tab.rawValue) " : " \(tab.rawValue) \(title)\(count) "
        return (tab, label, level.gap)
      }
      if result.reduce(0, { $0 + CellWidth.of($1.label) + $1.gap }) <= width { return result }
    }
    return result
  }

  static func count(_ tab: Tab, _ state: AppState) -> String {
    switch tab {
    case .changes: return state.workspace.edits.isEmpty ? "" : " (\(state.workspace.edits.count))"
    case .routing: return state.derived.headline != nil ? " ✖" : ""
    case .observed:
      let disagreeing = state.observed.summaries.contains { $0.agrees == false }
      return state.observed.log == nil ? "" : disagreeing ? " ≠" : " \(state.observed.summaries.count)"
    default: return " \(state.derived.rowCount(tab))"
    }
  }
}
