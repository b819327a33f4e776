import RelayModel

/// The yes/no box over the screens, for every question: the UI's write, delete and quit
/// confirmations and the wizard's leave and write prompts.
enum PromptView {
  /// The box is at most this wide, so a long file path wraps rather than spanning a wide terminal.
  static let widest = 84
  static let narrowestText = 40

  static func render<S: Surface>(_ prompt: PromptText, into surface: inout S) {
    let maxWidth = min(surface.size.columns - 4, widest)
    let lines = BoxText.wrap(prompt.lines, width: maxWidth - 4)
    let width = max(lines.map(CellWidth.of).max() ?? 0, CellWidth.of(prompt.title) + 6, narrowestText) + 4
    let box = Overlay.centred(width: width, height: lines.count + 4, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: prompt.title, style: .warning)
    for (index, line) in lines.prefix(max(box.innerRows - 2, 0)).enumerated() {
      surface.put(line, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: box.innerWidth, style: .normal)
    }
    let row = box.top + box.height - 2
    let question = prompt.question.isEmpty ? [] : [Span(prompt.question + "  ", .bold)]
    surface.put(
      question + [Span(" y ", .keyLabel), Span(" \(prompt.yes)  "), Span(" n ", .keyLabel), Span(" \(prompt.no)")],
      at: Point(row: row, column: box.innerLeft), width: box.innerWidth)
  }
}
