import RelayModel

/// Something a screen draws on: a grid of cells with a size. Screens draw only through
/// this protocol, so tests draw into a `Grid` and the terminal is one implementation.
protocol Surface {
  var size: Size { get }
  /// Draws `text` from `point` rightwards, clipped at the right edge; off-screen points
  /// draw nothing.
  mutating func put(_ text: String, at point: Point, style: Style)
}

extension Surface {
  /// Draws `text` cut or padded to exactly `width` cells.
  mutating func put(_ text: String, at point: Point, width: Int, style: Style) {
    guard width > 0 else { return }
    put(CellWidth.fit(text, width), at: point, style: style)
  }

  /// Fills a rectangle with spaces in `style` (a background for boxes and bars).
  mutating func fill(row: Int, column: Int, width: Int, height: Int = 1, style: Style) {
    guard width > 0 else { return }
    let blank = String(repeating: " ", count: width)
    for r in row..<(row + height) { put(blank, at: Point(row: r, column: column), style: style) }
  }

  /// Draws styled pieces one after the other, stopping at `column + width`; returns the
  /// column after the last piece.
  @discardableResult
  mutating func put(_ spans: [Span], at point: Point, width: Int) -> Int {
    var column = point.column
    let end = point.column + width
    for span in spans {
      guard column < end else { break }
      let text = CellWidth.prefix(span.text, fitting: end - column)
      put(text, at: Point(row: point.row, column: column), style: span.style)
      column += CellWidth.of(text)
    }
    return column
  }

  /// A framed box with `title` in its top border, its inside cleared.
  mutating func box(top: Int, left: Int, width: Int, height: Int, title: String, style: Style = .border) {
    guard width >= 4, height >= 2 else { return }
    fill(row: top + 1, column: left + 1, width: width - 2, height: height - 2, style: .normal)
    let label = title.isEmpty ? "" : " \(title) "
    let labelText = CellWidth.prefix(label, fitting: width - 4)
    let rest = width - 3 - CellWidth.of(labelText)
    put("┌─", at: Point(row: top, column: left), style: style)
    put(labelText, at: Point(row: top, column: left + 2), style: .bold)
    put(String(repeating: "─", count: max(rest, 0)) + "┐", at: Point(row: top, column: left + 2 + CellWidth.of(labelText)), style: style)
    for r in (top + 1)..<(top + height - 1) {
      put("│", at: Point(row: r, column: left), style: style)
      put("│", at: Point(row: r, column: left + width - 1), style: style)
    }
    put("└" + String(repeating: "─", count: width - 2) + "┘", at: Point(row: top + height - 1, column: left), style: style)
  }
}

/// A piece of text with its style, for lines that mix styles.
struct Span: Hashable, Sendable {
  var text: String
  var style: Style

  init(_ text: String, _ style: Style = .normal) {
    self.text = text
    self.style = style
  }
}
