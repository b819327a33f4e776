import RelayModel

/// How a live check's result reads on screen: the verdict, the model's explanation
/// (`CheckExplanation`, never reworded here) and each step with the server's reply.
enum CheckResultText {
  /// The list column: a mark and `HH:MM`.
  static let columnWidth = 7

  /// `ok`, `FAILED at auth`, `skipped`.
  static func verdict(_ result: CheckResult) -> [Span] {
    switch result.verdict {
    case .ok: return [Span("✔ ok", .ok)]
    case .skipped: return [Span("skipped", .dim)]
    case .failed: return [Span("✖ FAILED", .error), Span(result.failedStep.map { " at \(stepName($0))" } ?? "")]
    }
  }

  /// The list cell: `✔ 14:02`, `✖ 14:02`, or nothing when the row was never checked.
  static func marker(_ record: CheckRecord?) -> [Span] {
    guard let record else { return [] }
    let time = String(record.time.prefix(5))
    switch record.result.verdict {
    case .ok: return [Span("✔ " + time, .ok)]
    case .failed: return [Span("✖ " + time, .error)]
    case .skipped: return [Span("- " + time, .dim)]
    }
  }

  static func stepName(_ step: CheckStepName) -> String {
    step == .mailFrom ? "MAIL FROM" : step == .rcptTo ? "RCPT TO" : step.rawValue
  }

  /// The check's lines for a detail pane, verdict and explanation first (the pane may cut
  /// the end), then one line per step.
  static func append(_ record: CheckRecord, into pane: inout DetailPane.Builder) {
    let result = record.result
    let style: Style = result.verdict == .ok ? .ok : result.verdict == .failed ? .error : .dim
    let word = result.verdict == .ok ? "ok" : result.verdict == .failed ? "FAILED" : "skipped"
    let at = result.failedStep.map { " at \(stepName($0))" } ?? ""
    pane.field("Checked \(record.time.prefix(5))", "\(word)\(at): \(result.sender) via \(result.relay ?? "-")", style)
    pane.message(result.verdict == .ok ? "✔" : result.verdict == .failed ? "✖" : "ℹ", result.explanation, style)
    for step in result.steps {
      let reply = step.reply.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      pane.plain([
        Span(step.ok ? "   ✔ " : "   ✖ ", step.ok ? .ok : .error),
        Span(CellWidth.fit(stepName(step.name), 12), .dim),
        Span(CellWidth.fit("\(step.milliseconds) ms", 8), .dim),
        Span(reply),
      ])
    }
  }
}
