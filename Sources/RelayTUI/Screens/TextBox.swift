import RelayModel

/// A centred, titled box of wrapped text with its last inner row left for the caller's
/// footer: the one layout behind a notice ("press any key") and a question (`y`/`n`).
enum TextBox {
  /// Long lines wrap at this width, so a snippet or a file path stays readable on a wide
  /// terminal.
  static let widest = 84

  /// Draws the box and its text; returns where it is, so the footer goes on
  /// `box.top + box.height - 2`. `lineStyle` styles each wrapped line by its index.
  static func draw<S: Surface>(
    title: String, lines: [String], narrowest: Int, border: Style, lineStyle: (Int) -> Style = { _ in .normal },
    into surface: inout S
  ) -> Overlay {
    let maxWidth = min(surface.size.columns - 4, widest)
    let wrapped = BoxText.wrap(lines, width: maxWidth - 4)
    let width = max(wrapped.map(CellWidth.of).max() ?? 0, CellWidth.of(title) + 6, narrowest) + 4
    let box = Overlay.centred(width: width, height: wrapped.count + 4, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: title, style: border)
    for (index, line) in wrapped.prefix(max(box.innerRows - 2, 0)).enumerated() {
      surface.put(
        line, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: box.innerWidth, style: lineStyle(index))
    }
    return box
  }
}
