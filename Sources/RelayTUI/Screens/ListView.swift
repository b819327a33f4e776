import RelayModel

/// A column of a list: a title and a width, fixed or a share of the free space.
struct Column: Hashable, Sendable {
  enum Width: Hashable, Sendable {
    case fixed(Int)
    /// A share of what the fixed columns leave, at least `minimum`.
    case flexible(weight: Int, minimum: Int)
    /// As wide as its widest cell on screen (issue 14: the route's port was cut while
    /// other columns had room), at least `minimum`, at most half the free space. Lower
    /// `priority` is served first; the flexible columns keep their minimums.
    case fit(minimum: Int, priority: Int)
  }

  var title: String
  var width: Width

  init(_ title: String, _ width: Width) {
    self.title = title
    self.width = width
  }

  /// Cell widths for `columns` across `total` cells, one space between columns.
  /// `wants` holds, per column, the widest cell shown in it (used by `.fit` columns).
  static func resolve(_ columns: [Column], total: Int, wants: [Int] = []) -> [Int] {
    let gaps = max(columns.count - 1, 0)
    var fixed = 0
    var weights = 0
    var reserve = 0
    for column in columns {
      switch column.width {
      case .fixed(let n): fixed += n
      case .flexible(let weight, let minimum):
        weights += weight
        reserve += minimum
      case .fit(let minimum, _): reserve += minimum
      }
    }
    var free = max(total - gaps - fixed, 0)
    let cap = free / 2
    var fitted: [Int: Int] = [:]
    let fits = columns.indices.compactMap { index -> (index: Int, minimum: Int, priority: Int)? in
      if case .fit(let minimum, let priority) = columns[index].width { return (index, minimum, priority) }
      return nil
    }
    for fit in fits.sorted(by: { ($0.priority, $0.index) < ($1.priority, $1.index) }) {
      reserve -= fit.minimum
      let want = fit.index < wants.count ? wants[fit.index] : fit.minimum
      let width = max(min(want, cap, free - reserve), fit.minimum)
      fitted[fit.index] = width
      free = max(free - width, 0)
    }
    var widths = columns.indices.map { index -> Int in
      switch columns[index].width {
      case .fixed(let n): return n
      case .flexible(let weight, let minimum): return max(weights == 0 ? 0 : free * weight / weights, minimum)
      case .fit: return fitted[index] ?? 0
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
    let shown = (0..<layout.listRows).map { position.scroll + $0 }.filter { $0 < rows.count }
    var wants = columns.map { CellWidth.of($0.title) }
    if columns.contains(where: { if case .fit = $0.width { return true } else { return false } }) {
      for line in shown {
        for (index, spans) in cells(rows[line]).enumerated() where index < wants.count {
          wants[index] = max(wants[index], spans.reduce(0) { $0 + CellWidth.of($1.text) })
        }
      }
    }
    let widths = Column.resolve(columns, total: width - 1, wants: wants)
    // Header, with the position on the right; the titles stop short of it.
    surface.fill(row: layout.headerRow, column: 0, width: width, style: .header)
    var counter = ""
    if rows.count > layout.listRows {
      let first = position.scroll + 1
      let last = min(position.scroll + layout.listRows, rows.count)
      counter = " \(first)–\(last) of \(rows.count) "
    }
    let titlesEnd = width - CellWidth.of(counter)
    var column = 1
    for (index, col) in columns.enumerated() where column < titlesEnd - 1 {
      let room = min(widths[index], titlesEnd - 1 - column)
      var title = col.title
      if CellWidth.of(title) > room { title = room > 1 ? String(title.prefix(room - 1)) + "…" : "" }
      surface.put(title, at: Point(row: layout.headerRow, column: column), width: room, style: .header)
      column += widths[index] + 1
    }
    if !counter.isEmpty {
      surface.put(counter, at: Point(row: layout.headerRow, column: titlesEnd), style: .header)
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
