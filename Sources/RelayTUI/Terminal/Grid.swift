import RelayModel

/// An in-memory `Surface`: what tests draw into and compare as text.
struct Grid: Surface {
  struct Cell: Hashable, Sendable {
    /// The character, or "" for the right half of a wide character.
    var character: String = " "
    var style: Style = .normal
  }

  let size: Size
  private(set) var cells: [[Cell]]

  init(size: Size) {
    self.size = size
    cells = Array(repeating: Array(repeating: Cell(), count: max(size.columns, 0)), count: max(size.rows, 0))
  }

  mutating func put(_ text: String, at point: Point, style: Style) {
    guard point.row >= 0, point.row < size.rows else { return }
    var column = point.column
    for character in text {
      let width = CellWidth.of(character)
      guard width > 0 else { continue }
      if column + width > size.columns { break }
      if column >= 0 {
        cells[point.row][column] = Cell(character: String(character), style: style)
        if width == 2 { cells[point.row][column + 1] = Cell(character: "", style: style) }
      }
      column += width
    }
  }

  /// Every row as text, trailing spaces removed, joined with newlines.
  var text: String { (0..<size.rows).map(line).joined(separator: "\n") }

  /// Row `row` as text, trailing spaces removed.
  func line(_ row: Int) -> String {
    var text = cells[row].map(\.character).joined()
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }

  func style(at point: Point) -> Style { cells[point.row][point.column].style }

  /// The row and column where `needle` first appears.
  func find(_ needle: String) -> Point? {
    for row in 0..<size.rows {
      let line = cells[row].map(\.character).joined()
      if let range = line.range(of: needle) {
        return Point(row: row, column: line.distance(from: line.startIndex, to: range.lowerBound))
      }
    }
    return nil
  }
}
