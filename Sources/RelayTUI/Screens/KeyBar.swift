import RelayModel

/// The bottom row: the keys that work here (`AppState.keyHints`), as many as fit.
enum KeyBar {
  static func render<S: Surface>(_ hints: [KeyHint], row: Int, into surface: inout S) {
    let width = surface.size.columns
    var column = 0
    for hint in hints {
      let key = hint.key.isEmpty ? "" : " \(hint.key) "
      let label = " \(hint.label) "
      let needed = CellWidth.of(key) + CellWidth.of(label)
      guard column + needed <= width else { break }
      if !key.isEmpty { surface.put(key, at: Point(row: row, column: column), style: .keyLabel) }
      surface.put(label, at: Point(row: row, column: column + CellWidth.of(key)), style: .keyText)
      column += needed
    }
  }
}
