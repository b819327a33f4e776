/// `dms-relay log` without `--json`: one block per sender domain — the prediction, a
/// table of the routes observed, failures in plain words, and the mismatch if any.
public enum ObservedText {
  public static func render(_ senders: [SenderDomainSummary], messages: Int, unreadLines: Int) -> String {
    var out = ""
    for s in senders {
      let verdict: String
      switch s.agrees {
      case true?: verdict = "agrees"
      case false?: verdict = "DISAGREES"
      case nil: verdict = "nothing to compare"
      }
      out += "\(s.domain): \(s.messageCount) message\(s.messageCount == 1 ? "" : "s"), \(verdict)\n"
      if let predicted = s.predicted { out += "  predicted: \(predicted.summary)\n" }
      let rows =
        [["route", "status", "count", "first", "last"]]
        + s.observed.map { [$0.route, $0.status.rawValue, String($0.count), $0.first?.description ?? "-", $0.last?.description ?? "-"] }
      let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
      for row in rows {
        var line = "   "
        for (column, cell) in row.enumerated() {
          let pad = String(repeating: " ", count: widths[column] - cell.count)
          line += " " + (column == 2 ? pad + cell : cell + (column == 4 ? "" : pad))
        }
        out += line + "\n"
      }
      for route in s.observed where route.reason != nil {
        out += "  \(route.status.rawValue) \(route.route) (\(route.count)): \(route.reason!)\n"
      }
      if let explanation = s.explanation { out += "  ! \(explanation)\n" }
      out += "\n"
    }
    out += "\(messages) message\(messages == 1 ? "" : "s") from \(senders.count) sender domain\(senders.count == 1 ? "" : "s")"
    out += unreadLines > 0 ? "; \(unreadLines) unreadable line\(unreadLines == 1 ? "" : "s")\n" : "\n"
    return out
  }

  /// One line per message, for `--follow`.
  public static func line(_ m: ObservedMessage) -> String {
    var text = "\(m.time?.description ?? "-") \(m.queueID) \(m.sender.map { "<\($0)>" } ?? "?")"
    text += " -> \(m.recipient.map { "<\($0)>" } ?? "?") \(m.status.rawValue)"
    if let relay = m.relay { text += " via \(relay)" }
    if m.status != .sent, let reason = m.reason { text += ": \(reason)" }
    return text
  }
}
