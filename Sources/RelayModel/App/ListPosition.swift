/// The selected row of a list and the first row shown, kept so the selection stays visible.
///
/// The reducer moves it with the list's row count and visible height, so scrolling 100,000
/// rows costs the same as scrolling ten: nothing here depends on the rows themselves.
public struct ListPosition: Hashable, Sendable {
  public var selected: Int
  /// Index of the first visible row.
  public var scroll: Int

  public init(selected: Int = 0, scroll: Int = 0) {
    self.selected = selected
    self.scroll = scroll
  }

  /// Moves the selection by `delta` rows, stopping at either end.
  public mutating func move(by delta: Int, count: Int, height: Int) {
    select(selected + delta, count: count, height: height)
  }

  /// Selects `index` (clamped) and scrolls just enough to show it.
  public mutating func select(_ index: Int, count: Int, height: Int) {
    selected = count == 0 ? 0 : min(max(index, 0), count - 1)
    clamp(count: count, height: height)
  }

  /// Keeps the selection inside the list and on screen after the list or the screen changed.
  public mutating func clamp(count: Int, height: Int) {
    let height = max(height, 1)
    if count == 0 {
      selected = 0
      scroll = 0
      return
    }
    selected = min(max(selected, 0), count - 1)
    if selected < scroll { scroll = selected }
    if selected >= scroll + height { scroll = selected - height + 1 }
    scroll = min(max(scroll, 0), max(count - height, 0))
  }
}
