import RelayModel

/// Screen 6: per sender domain, the route the files predict, the routes the mail log
/// shows with counts and a per-hour bar, and the last failure in plain words.
enum ObservedScreen {
  /// Hours per bar cell in the list (two: twelve cells a day).
  static let listHoursPerCell = 2

  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let layout = state.layout
    let summaries = state.observed.summaries
    let columns = [
      Column("", .fixed(1)), Column("Sender domain", .flexible(weight: 3, minimum: 14)),
      Column("Predicted", .flexible(weight: 3, minimum: 12)),
      Column("Observed", .flexible(weight: 5, minimum: 14)), Column("Msgs", .fixed(4)),
      Column("0h–24h", .fixed(24 / listHoursPerCell)),
    ]
    ListView.render(
      columns: columns, layout: layout, rows: state.visibleRows(.observed), position: state.position(.observed),
      empty: emptyText(state), into: &surface
    ) { index in
      let summary = summaries[index]
      return [
        ObservedScreenText.marker(summary) ?? [Span(" ")], [Span(summary.domain, .bold)],
        summary.predicted.map(RouteText.short) ?? [Span("not compared", .dim)],
        ObservedScreenText.routes(summary), [Span("\(summary.messageCount)")],
        [Span(ObservedScreenText.hourBar(summary.perHour, hoursPerCell: listHoursPerCell), .info)],
      ]
    }
    var pane = DetailPane.Builder(width: surface.size.columns)
    guard let index = state.selectedIndex(.observed) else {
      noLog(state, into: &pane)
      DetailPane.render(title: "Mail log", lines: pane.lines, layout: layout, into: &surface)
      return
    }
    detail(summaries[index], state: state, into: &pane)
    DetailPane.render(title: "@\(summaries[index].domain)", lines: pane.lines, layout: layout, into: &surface)
  }

  static func emptyText(_ state: AppState) -> String {
    if !state.filter.isEmpty, !state.observed.summaries.isEmpty { return "Nothing matches '\(state.filter)'" }
    if state.observed.isReading { return "Reading the mail log…" }
    switch state.observed.problem {
    case .missing(let searched)?: return "No mail log at '\(searched)' (see below)"
    case .unreadable(let message)?: return message
    case nil:
      guard let log = state.observed.log else { return "The mail log is read when this screen opens" }
      return "No outbound mail in \(log.source) yet" + (state.observed.isFollowing ? " (following)" : " (f follows it)")
    }
  }

  /// Where the screen looked and how to point it at a log, when there is none to show.
  static func noLog(_ state: AppState, into pane: inout DetailPane.Builder) {
    guard case .missing(let searched)? = state.observed.problem else {
      if let log = state.observed.log { pane.field("Read from", log.source) }
      return
    }
    pane.field("Looked at", searched + " (DMS's compose file mounts mail-logs/ beside the config folder)")
    pane.field("Point at one", "dms-relay ui --mail-log FILE (or demo --mail-log FILE); for docker logs: docker logs mailserver 2>&1 | dms-relay log -")
  }

  /// What the log shows first (short lines), then the disagreement and the last failure in
  /// words, then the full prediction: a small pane cuts from the end.
  static func detail(_ summary: SenderDomainSummary, state: AppState, into pane: inout DetailPane.Builder) {
    for route in summary.observed {
      pane.field("Observed", "\(route.route): \(route.count) \(route.status.rawValue), \(ObservedScreenText.span(route))")
    }
    pane.field("Per hour", ObservedScreenText.hourBar(summary.perHour, hoursPerCell: 1) + "  (0h–23h)", .info)
    switch summary.agrees {
    case false?: pane.message("≠", summary.explanation ?? "what was observed disagrees with the prediction", .error)
    case true?: pane.field("Compared", "agrees: the mail went where the files say", .ok)
    case nil: pane.field("Compared", "nothing comparable was observed", .dim)
    }
    if let failure = summary.lastFailure, let reason = failure.reason {
      pane.field("Last failure", "\(failure.last?.description ?? "?") \(failure.route): \(reason)", .warning)
    }
    if let predicted = summary.predicted {
      pane.field("Predicted", predicted.summary, RouteText.style(predicted))
    }
    if let log = state.observed.log {
      pane.field("Read from", log.source + (state.observed.isFollowing ? " (following)" : "") + " — Enter lists the messages")
    }
  }
}
