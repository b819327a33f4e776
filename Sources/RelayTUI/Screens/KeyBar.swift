import RelayModel

/// The bottom row: the keys that work here (`AppState.keyHints`), as many as fit.
///
/// The hints come most useful first. When they do not all fit, the least useful are dropped,
/// but never a pinned one (help and quit), so an admin on an 80-column terminal can always
/// find both. F-keys ("F1 ?") are shown only when everything fits with them.
enum KeyBar {
  static func render<S: Surface>(_ hints: [KeyHint], row: Int, into surface: inout S) {
    var column = 0
    for (key, label) in cells(hints, width: surface.size.columns) {
      if !key.isEmpty { surface.put(key, at: Point(row: row, column: column), style: .keyLabel) }
      surface.put(label, at: Point(row: row, column: column + CellWidth.of(key)), style: .keyText)
      column += CellWidth.of(key) + CellWidth.of(label)
    }
  }

  /// The key and label cells drawn, in order, within `width` columns.
  static func cells(_ hints: [KeyHint], width: Int) -> [(key: String, label: String)] {
    func cell(_ hint: KeyHint, functionKeys: Bool) -> (key: String, label: String) {
      var key = hint.key
      if functionKeys, let function = hint.functionKey { key = key.isEmpty ? function : "\(function) \(key)" }
      return (key.isEmpty ? "" : " \(key) ", " \(hint.label) ")
    }
    func used(_ cells: [(key: String, label: String)]) -> Int {
      cells.reduce(0) { $0 + CellWidth.of($1.key) + CellWidth.of($1.label) }
    }
    let wide = hints.map { cell($0, functionKeys: true) }
    if used(wide) <= width { return wide }
    var kept = hints
    var cells = kept.map { cell($0, functionKeys: false) }
    while used(cells) > width, let drop = kept.lastIndex(where: { !$0.pinned }) {
      kept.remove(at: drop)
      cells.remove(at: drop)
    }
    while used(cells) > width, !cells.isEmpty { cells.removeFirst() }
    return cells
  }
}
