import RelayModel

/// Drawn instead of the screens below 60×16, where they would be garbage (issue 5).
enum TooSmallNotice {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let size = surface.size
    var lines = [
      "Terminal too small",
      "needs \(Size.minimum.columns)×\(Size.minimum.rows), this is \(size.columns)×\(size.rows)",
      "Enlarge the window, or press q to quit.",
    ]
    if case .confirm(let confirmation)? = state.destination {
      lines.append("\(confirmation.title) y/n")
    }
    let top = max((size.rows - lines.count) / 2, 0)
    for (offset, line) in lines.enumerated() {
      let column = max((size.columns - CellWidth.of(line)) / 2, 0)
      surface.put(line, at: Point(row: top + offset, column: column), style: offset == 0 ? .warning : .normal)
    }
  }
}
