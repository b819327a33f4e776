import RelayModel

/// A wizard text field with its label and problem.
enum WizardFieldView {
  /// Columns of the label before the input.
  static let labelWidth = 11
  /// The input never grows wider than this, however wide the terminal.
  static let widestInput = 36
  static let narrowestInput = 8

  /// A labelled field `Port      [587        ]` with its problem below, wrapped.
  static func lines(_ state: WizardState, _ id: DialogField.Name, width: Int) -> [[Span]] {
    let field = state.field(id)
    let isFocused = state.focusedField == id
    var text = field.text
    if field.isSecret, !state.currentGroup.revealsPassword { text = String(repeating: "•", count: field.text.count) }
    let boxWidth = max(min(width - labelWidth - 2, widestInput), narrowestInput)
    let shown = CellWidth.of(text) > boxWidth - 1 ? "…" + String(text.suffix(boxWidth - 2)) : text
    let cursor = isFocused ? "▏" : ""
    var lines: [[Span]] = [[
      Span(CellWidth.fit(field.label, labelWidth), isFocused ? .bold : .normal),
      Span(CellWidth.fit(shown + cursor, boxWidth), isFocused ? .fieldFocused : .field),
      Span(state.problem(id) == nil && !field.text.isEmpty ? " ✔" : "", .ok),
    ]]
    if let problem = state.problem(id) {
      for line in TextWrap.lines(problem, width: max(width - labelWidth - 1, 10)) {
        lines.append([Span(String(repeating: " ", count: labelWidth)), Span(line, .error)])
      }
    }
    return lines
  }
}
