import RelayModel

/// The pane under a list that explains the selected row: a titled separator, then
/// labelled lines wrapped to the width, cut with `…` when they do not fit.
enum DetailPane {
  /// Width of the label column.
  static let labelWidth = 14

  /// Lines for the pane, built with `DetailPane.Builder`.
  struct Builder {
    let width: Int
    private(set) var lines: [[Span]] = []

    init(width: Int) { self.width = width }

    /// `label  text`, the text wrapped with a hanging indent.
    mutating func field(_ label: String, _ text: String, _ style: Style = .normal) {
      let textWidth = max(width - DetailPane.labelWidth - 2, 10)
      for (index, line) in TextWrap.lines(text, width: textWidth).enumerated() {
        let head = index == 0 ? CellWidth.fit(label, DetailPane.labelWidth) : String(repeating: " ", count: DetailPane.labelWidth)
        lines.append([Span(" "), Span(head, .dim), Span(" "), Span(line, style)])
      }
    }

    /// A message with an icon (`✖`, `▲`), wrapped, and its fix on the lines after it.
    mutating func message(_ icon: String, _ text: String, _ style: Style, fix: String? = nil) {
      let textWidth = max(width - 4, 10)
      for (index, line) in TextWrap.lines(text, width: textWidth).enumerated() {
        lines.append([Span(index == 0 ? " \(icon) " : "   ", style), Span(line)])
      }
      if let fix {
        for line in TextWrap.lines("Fix: \(fix)", width: textWidth) {
          lines.append([Span("   "), Span(line, .ok)])
        }
      }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
      let location = diagnostic.location.map { "\($0): " } ?? ""
      message(Marker.icon(diagnostic.severity), location + diagnostic.message, Marker.style(diagnostic.severity), fix: diagnostic.fix)
    }

    mutating func plain(_ spans: [Span]) { lines.append(spans) }
  }

  static func render<S: Surface>(title: String, lines: [[Span]], layout: Layout, into surface: inout S) {
    guard layout.detailRows > 0 else { return }
    let width = surface.size.columns
    let heading = "─ \(title) "
    surface.put(heading + String(repeating: "─", count: max(width - CellWidth.of(heading), 0)), at: Point(row: layout.detailTop, column: 0), style: .border)
    surface.put(title, at: Point(row: layout.detailTop, column: 2), style: .bold)
    let rows = layout.detailRows - 1
    for (index, spans) in lines.prefix(rows).enumerated() {
      let row = layout.detailTop + 1 + index
      if index == rows - 1, lines.count > rows {
        surface.put(spans, at: Point(row: row, column: 0), width: width - 16)
        surface.put(" … \(lines.count - rows) more (i)", at: Point(row: row, column: width - 16), style: .dim)
      } else {
        surface.put(spans, at: Point(row: row, column: 0), width: width)
      }
    }
  }
}
