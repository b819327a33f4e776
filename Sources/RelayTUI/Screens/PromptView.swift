import RelayModel

/// The yes/no box over the screens, for every question: the UI's write, delete and quit
/// confirmations and the wizard's leave and write prompts.
enum PromptView {
  static let narrowestText = 40

  static func render<S: Surface>(_ prompt: PromptText, into surface: inout S) {
    let box = TextBox.draw(
      title: prompt.title, lines: prompt.lines, narrowest: narrowestText, border: .warning, into: &surface)
    let row = box.top + box.height - 2
    let question = prompt.question.isEmpty ? [] : [Span(prompt.question + "  ", .bold)]
    surface.put(
      question + [Span(" y ", .keyLabel), Span(" \(prompt.yes)  "), Span(" n ", .keyLabel), Span(" \(prompt.no)")],
      at: Point(row: row, column: box.innerLeft), width: box.innerWidth)
  }
}
