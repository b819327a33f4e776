import RelayModel

/// Drawn instead of the screens (the UI's and the wizard's) below 60×16, where they would
/// be garbage; an open question stays answerable.
enum TooSmallNotice {
  /// - Parameters:
  ///   - leaving: how to get out, `"press q to quit"`.
  ///   - question: the open yes/no question, shown as `title y/n`.
  static func render<S: Surface>(leaving: String, question: PromptText?, into surface: inout S) {
    let size = surface.size
    var lines = [
      "Terminal too small",
      "needs \(Size.minimum.columns)×\(Size.minimum.rows), this is \(size.columns)×\(size.rows)",
      "Enlarge the window, or \(leaving).",
    ]
    if let question { lines.append("\(question.title) y/n") }
    let top = max((size.rows - lines.count) / 2, 0)
    for (offset, line) in lines.enumerated() {
      let column = max((size.columns - CellWidth.of(line)) / 2, 0)
      surface.put(line, at: Point(row: top + offset, column: column), style: offset == 0 ? .warning : .normal)
    }
  }
}
