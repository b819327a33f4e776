extension AppState {
  /// A click on a list row selects it (browsing only; a dialog or question keeps the focus).
  mutating func clickedRow(_ offset: Int) {
    guard destination == nil, offset >= 0, offset < layout.listRows else { return }
    var position = position(tab)
    let count = visibleRows(tab).count
    guard position.scroll + offset < count else { return }
    position.select(position.scroll + offset, count: count, height: layout.listRows)
    positions[tab] = position
  }
}
