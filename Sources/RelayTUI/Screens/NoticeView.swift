import RelayModel

/// A message box closed by any key: a write's failure, a compose snippet, "writing…".
enum NoticeView {
  static let narrowestText = 30

  static func render<S: Surface>(_ notice: Notice, into surface: inout S) {
    let box = TextBox.draw(
      title: notice.title, lines: notice.lines, narrowest: narrowestText, border: notice.isError ? .error : .border,
      lineStyle: { notice.isError && $0 == 0 ? .error : .normal }, into: &surface)
    surface.put("press any key", at: Point(row: box.top + box.height - 2, column: box.innerLeft), style: .dim)
  }
}
