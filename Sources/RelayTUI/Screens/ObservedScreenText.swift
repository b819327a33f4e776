import RelayModel

/// How the mail log's observations read on screen: routes with counts, the per-hour bar,
/// a message line. The words come from the model (`SenderDomainSummary`, `FailureReason`);
/// this only lays them out.
enum ObservedScreenText {
  static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// One cell per `hoursPerCell` hours of the day, the tallest block for the busiest;
  /// `·` where nothing was logged.
  static func hourBar(_ perHour: [Int], hoursPerCell: Int) -> String {
    let cells = stride(from: 0, to: perHour.count, by: hoursPerCell).map { start in
      perHour[start..<min(start + hoursPerCell, perHour.count)].reduce(0, +)
    }
    let most = cells.max() ?? 0
    return String(
      cells.map { count -> Character in
        guard count > 0, most > 0 else { return "·" }
        return bars[min(bars.count - 1, (count * bars.count - 1) / most)]
      })
  }

  /// `via [smtp.example.com]:587 12 sent, direct 3 sent`: each route group, most first.
  static func routes(_ summary: SenderDomainSummary) -> [Span] {
    var spans: [Span] = []
    for (index, route) in summary.observed.enumerated() {
      if index > 0 { spans.append(Span(", ", .dim)) }
      spans.append(Span("\(route.route) ", route.disagreeing > 0 ? .error : .normal))
      spans.append(Span("\(route.count) \(route.status.rawValue)", route.status == .sent ? .ok : .warning))
    }
    return spans
  }

  /// The list's mark: `≠` where what was observed disagrees with the files, `✔` where it agrees.
  static func marker(_ summary: SenderDomainSummary?) -> [Span]? {
    switch summary?.agrees {
    case false?: return [Span("≠", .error)]
    case true?: return [Span("✔", .ok)]
    case nil: return nil
    }
  }

  /// `sent`, `deferred` …, styled by outcome.
  static func status(_ status: DeliveryStatus) -> Span {
    Span(CellWidth.fit(status.rawValue, 8), status == .sent ? .ok : status == .bounced ? .error : .warning)
  }

  /// One message: time, status, recipient, relay, then DSN and reason.
  static func message(_ message: ObservedMessage) -> [Span] {
    var spans = [
      Span((message.time?.description ?? "?").padding(15) + " ", .dim), status(message.status), Span(" "),
      Span(message.recipient ?? "(no recipient)"),
    ]
    if let relay = message.relay { spans.append(Span(" → " + relay, .dim)) }
    if message.status != .sent, let dsn = message.dsn { spans.append(Span("  " + dsn, .dim)) }
    if message.status != .sent, let reason = message.reason { spans.append(Span("  " + reason)) }
    return spans
  }

  /// The time range of a route group, `10:02–14:30` (or one time).
  static func span(_ route: ObservedRoute) -> String {
    switch (route.first, route.last) {
    case (let first?, let last?) where first != last: return "\(first.description)–\(last.clock)"
    case (let first?, _): return first.description
    default: return "time unknown"
    }
  }
}

extension String {
  /// Padded with spaces on the right to `width` characters.
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
