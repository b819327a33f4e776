import RelayModel

/// Turns a mouse event into what the keyboard would have sent, so a click goes through the
/// same reducer and key table as a key (issue 14, Feel): a click on a key label ("y", "Esc",
/// "? help" on the key bar or in a question box) presses that key, on a tab switches to it,
/// on a list row selects it; the wheel moves three rows.
enum MouseMap {
  enum Event: Hashable {
    case click(Point)
    case wheelUp, wheelDown
  }

  static let wheelRows = 3

  static func actions(_ event: Event, state: AppState) -> [AppAction] {
    switch event {
    case .wheelUp: return Array(repeating: .keyPressed(.up), count: wheelRows)
    case .wheelDown: return Array(repeating: .keyPressed(.down), count: wheelRows)
    case .click(let point):
      guard point.row >= 0, point.row < state.size.rows, point.column >= 0, point.column < state.size.columns,
        !state.size.isTooSmall
      else { return [] }
      var grid = Grid(size: state.size)
      AppScreen.render(state, into: &grid)
      if let key = keyLabel(at: point, in: grid) { return [.keyPressed(key)] }
      if case .wizard = state.destination { return [] }
      if state.destination == nil, point.row == Layout.tabRow {
        var column = 0
        for (tab, label, gap) in TabBar.labels(state, width: state.size.columns) {
          let width = CellWidth.of(label)
          if point.column >= column, point.column < column + width { return [.keyPressed(.character(tab.key))] }
          column += width + gap
        }
        return []
      }
      let layout = state.layout
      if state.destination == nil, point.row >= layout.listTop, point.row < layout.listTop + layout.listRows {
        return [.clickedRow(point.row - layout.listTop)]
      }
      return []
    }
  }

  /// The key whose label (a `.keyLabel` run, or the `.keyText` after one) is at `point`.
  static func keyLabel(at point: Point, in grid: Grid) -> Key? {
    var column = point.column
    var style = grid.style(at: Point(row: point.row, column: column))
    if style == .keyText {
      while column > 0, grid.style(at: Point(row: point.row, column: column)) == .keyText { column -= 1 }
      style = grid.style(at: Point(row: point.row, column: column))
    }
    guard style == .keyLabel else { return nil }
    // The label run around `column`, then the word in it under the click (or its last word).
    var start = column, end = column
    while start > 0, grid.style(at: Point(row: point.row, column: start - 1)) == .keyLabel { start -= 1 }
    while end + 1 < grid.size.columns, grid.style(at: Point(row: point.row, column: end + 1)) == .keyLabel { end += 1 }
    let text = grid.cells[point.row][start...end].map(\.character).joined()
    let words = text.split(separator: " ").map(String.init)
    return words.reversed().lazy.compactMap(key(named:)).first
  }

  /// `y`, `Enter`, `Esc`, `Tab`, `Space`, `^R`, `F1` as the key they name.
  static func key(named name: String) -> Key? {
    switch name {
    case "Enter": return .enter
    case "Esc": return .escape
    case "Tab": return .tab
    case "Space": return .character(" ")
    default: break
    }
    if name.hasPrefix("^"), name.count == 2, let letter = name.last { return .control(Character(letter.lowercased())) }
    if name.hasPrefix("F"), name.count > 1, let number = Int(name.dropFirst()) { return .function(number) }
    if name.count == 1, let character = name.first, character != "↑", character != "↓" { return .character(character) }
    return nil
  }
}
