/// A cell position: 0-based row and column from the top left.
struct Point: Hashable, Sendable {
  var row: Int
  var column: Int

  init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}
