import RelayModel

/// A column of a list: a title and a width, fixed or a share of the free space.
struct Column: Hashable, Sendable {
  enum Width: Hashable, Sendable {
    case fixed(Int)
    /// A share of what the fixed columns leave, at least `minimum`.
    case flexible(weight: Int, minimum: Int)
  }

  var title: String
  var width: Width

  init(_ title: String, _ width: Width) {
    self.title = title
    self.width = width
  }

  /// Cell widths for `columns` across `total` cells, one space between columns.
  static func resolve(_ columns: [Column], total: Int) -> [Int] {
    let gaps = max(columns.count - 1, 0)
    var fixed = 0
    var weights = 0
    for column in columns {
      switch column.width {
      case .fixed(let n): fixed += n
      case .flexible(let weight, _): weights += weight
      }
    }
    let free = max(total - gaps - fixed, 0)
    var widths = columns.map { column -> Int in
      switch column.width {
      case .fixed(let n): return n
      case .flexible(let weight, let minimum): return max(weights == 0 ? 0 : free * weight / weights, minimum)
      }
    }
    // Give rounding leftovers to the last flexible column; take overflow from the widest.
    var used = widths.reduce(0, +) + gaps
    if let last = columns.lastIndex(where: { if case .flexible = $0.width { return true } else { return false } }) {
      if used < total { widths[last] += total - used }
      used = widths.reduce(0, +) + gaps
    }
    while used > total, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 1 {
      widths[widest] -= 1
      used -= 1
    }
    return widths
  }
}

/// Draws a list: a header row, then only the rows that fit (so 100,000 rows cost as much
/// as 20), the selected one highlighted.
enum ListView {
  static func render<S: Surface>(
    columns: [Column], layout: Layout, rows: VisibleRows, position: ListPosition, empty: String,
    into surface: inout S, cells: (Int) -> [[Span]]
  ) {
    let width = surface.size.columns
    let widths = Column.resolve(columns, total: width - 1)
    // Header, with the position on the right.
    surface.fill(row: layout.headerRow, column: 0, width: width, style: .header)
    var column = 1
    for (index, col) in columns.enumerated() {
      surface.put(col.title, at: Point(row: layout.headerRow, column: column), width: widths[index], style: .header)
      column += widths[index] + 1
    }
    if rows.count > layout.listRows {
      let first = position.scroll + 1
      let last = min(position.scroll + layout.listRows, rows.count)
      let where_ = " \(first)–\(last) of \(rows.count) "
      surface.put(where_, at: Point(row: layout.headerRow, column: width - CellWidth.of(where_)), style: .header)
    }
    guard rows.count > 0 else {
      surface.put(empty, at: Point(row: layout.listTop, column: 2), width: width - 3, style: .dim)
      return
    }
    for line in 0..<layout.listRows {
      let position_ = position.scroll + line
      guard position_ < rows.count else { break }
      let row = layout.listTop + line
      let isSelected = position_ == position.selected
      if isSelected {
        surface.fill(row: row, column: 0, width: width, style: .selected)
        surface.put("▸", at: Point(row: row, column: 0), style: .selected)
      }
      var column = 1
      for (index, spans) in cells(rows[position_]).enumerated() where index < widths.count {
        let spans = isSelected ? spans.map { Span($0.text, .selected) } : spans
        let end = surface.put(spans, at: Point(row: row, column: column), width: widths[index])
        // Mark a cut cell with an ellipsis.
        let total = spans.reduce(0) { $0 + CellWidth.of($1.text) }
        if total > widths[index], widths[index] > 1 {
          surface.put("…", at: Point(row: row, column: end - 1), style: isSelected ? .selected : .dim)
        }
        column += widths[index] + 1
      }
    }
  }
}
