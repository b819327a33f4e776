import RelayModel

/// The yes/no question before writing, deleting or quitting with unsaved changes.
enum ConfirmView {
  static func render<S: Surface>(_ confirmation: Confirmation, into surface: inout S) {
    let maxWidth = min(surface.size.columns - 4, 84)
    let lines = BoxText.wrap(confirmation.lines, width: maxWidth - 4)
    let width = max(lines.map(CellWidth.of).max() ?? 0, CellWidth.of(confirmation.title) + 6, 40) + 4
    let box = Overlay.centred(width: width, height: lines.count + 4, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: confirmation.title, style: .warning)
    for (index, line) in lines.prefix(max(box.innerRows - 2, 0)).enumerated() {
      surface.put(line, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: box.innerWidth, style: .normal)
    }
    let row = box.top + box.height - 2
    surface.put(
      [Span(confirmation.question + "  ", .bold), Span(" y ", .keyLabel), Span(" yes  "), Span(" n ", .keyLabel), Span(" no")],
      at: Point(row: row, column: box.innerLeft), width: box.innerWidth)
  }
}
