import RelayModel

/// A message box closed by any key: a write's result, a compose snippet, "writing…".
enum NoticeView {
  /// Long lines wrap at this width, so a snippet stays readable on a wide terminal.
  static let widest = 84
  static let narrowestText = 30

  static func render<S: Surface>(_ notice: Notice, into surface: inout S) {
    let maxWidth = min(surface.size.columns - 4, widest)
    let lines = BoxText.wrap(notice.lines, width: maxWidth - 4)
    let width = max(lines.map(CellWidth.of).max() ?? 0, CellWidth.of(notice.title) + 6, narrowestText) + 4
    let box = Overlay.centred(width: width, height: lines.count + 4, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: notice.title, style: notice.isError ? .error : .border)
    for (index, line) in lines.prefix(box.innerRows - 2).enumerated() {
      let style: Style = notice.isError && index == 0 ? .error : .normal
      surface.put(line, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: box.innerWidth, style: style)
    }
    surface.put("press any key", at: Point(row: box.top + box.height - 2, column: box.innerLeft), style: .dim)
  }
}
