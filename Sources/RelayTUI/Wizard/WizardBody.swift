import RelayModel

/// The lines of a wizard step, drawn at the end; lines beyond `bottom` are dropped.
struct WizardBody {
  var top: Int
  var bottom: Int
  var width: Int
  var lines: [[Span]] = []

  var height: Int { bottom - top + 1 }

  mutating func line(_ text: String = "", _ style: Style = .normal) { lines.append([Span(text, style)]) }
  mutating func spans(_ spans: [Span]) { lines.append(spans) }

  /// Wrapped text, each line prefixed by `indent`.
  mutating func paragraph(_ text: String, _ style: Style = .normal, indent: Int = 1) {
    let pad = String(repeating: " ", count: indent)
    for line in TextWrap.lines(text, width: max(width - indent - 1, 10)) { lines.append([Span(pad + line, style)]) }
  }

  func draw<S: Surface>(into surface: inout S) {
    for (offset, spans) in lines.prefix(max(height, 0)).enumerated() {
      surface.put(spans, at: Point(row: top + offset, column: 0), width: width)
    }
  }
}
