import RelayModel

/// The box over the screens while live checks run: one line per sender with the step
/// under way or its verdict, updated as the runner's progress actions arrive.
enum CheckProgressView {
  static let narrowest = 40

  static func render<S: Surface>(_ session: CheckSession, into surface: inout S) {
    let lines = session.lines.map(line)
    let longest = lines.map { $0.reduce(0) { $0 + CellWidth.of($1.text) } }.max() ?? 0
    let width = min(max(longest + 4, narrowest), TextBox.widest)
    let box = Overlay.centred(width: width, height: lines.count + 4, in: surface.size)
    let done = session.results.count
    surface.box(
      top: box.top, left: box.left, width: box.width, height: box.height,
      title: "Checking \(session.lines.count) relay(s): \(done) done")
    for (index, spans) in lines.prefix(max(box.innerRows - 2, 0)).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: box.innerWidth)
    }
    surface.put("Esc cancels", at: Point(row: box.top + box.height - 2, column: box.innerLeft), style: .dim)
  }

  /// Width of the state column (`✖ FAILED at MAIL FROM` is the longest).
  static let stateWidth = 22

  /// The state first, so it stays readable when a long sender is cut.
  static func line(_ line: CheckSession.Line) -> [Span] {
    var state: [Span]
    switch line.progress {
    case .waiting: state = [Span("waiting", .dim)]
    case .running(let step): state = [Span("\(CheckResultText.stepName(step)) …", .info)]
    case .finished(let result): state = CheckResultText.verdict(result)
    }
    let used = state.reduce(0) { $0 + CellWidth.of($1.text) }
    state.append(Span(String(repeating: " ", count: max(stateWidth - used, 1))))
    return state + [Span("\(line.sender) via \(line.relay)")]
  }
}
