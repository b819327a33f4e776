import RelayModel

/// Wraps lines for a box, keeping the indentation of lines that fit (compose snippets).
enum BoxText {
  static func wrap(_ lines: [String], width: Int) -> [String] {
    lines.flatMap { line in CellWidth.of(line) <= width ? [line] : TextWrap.lines(line, width: width) }
  }
}
