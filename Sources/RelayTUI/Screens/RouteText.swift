import RelayModel

/// How routes look on screen: the model's wording (`Route.summary`, `decisionText`,
/// `authText`, `tlsText`) in the screens' spans and styles.
enum RouteText {
  /// One cell of a list: `relay [h]:587 as user`, `direct (MX)`, `DEFERRED: …`.
  static func short(_ route: Route) -> [Span] {
    if route.unpreviewable != nil { return [Span("CANNOT BE PREVIEWED", .warning)] }
    switch route.outcome {
    case .relayed:
      let auth = route.authUser.map { " as \($0)" } ?? " (no AUTH)"
      return [Span("→ ", .ok), Span("\(route.nexthop ?? "?")"), Span(auth, route.authUser == nil ? .warning : .normal)]
    case .direct:
      return [Span("direct", .info), Span(" to the recipient's MX", .dim)]
    case .deferred, .bounced, .error:
      // The reason is long; the list says where the mail was headed, the pane says why.
      let word = route.outcome == .deferred ? "DEFERRED" : route.outcome == .error ? "SMTP ERROR" : "BOUNCED"
      let headed = route.nexthop.map { " → \($0)" } ?? (route.decidedBy == nil ? " (direct)" : "")
      return [Span(word, .error), Span(headed, .normal)]
    }
  }

  static func style(_ route: Route) -> Style {
    if route.unpreviewable != nil { return .warning }
    switch route.outcome {
    case .relayed, .direct: return route.warnings.isEmpty ? .ok : .warning
    case .deferred, .bounced, .error: return .error
    }
  }

  /// `relayhost_map:@d ← postfix-relaymap.cf:3`, or how direct delivery was decided.
  static func decidedBy(_ route: Route) -> String { route.decisionText }

  /// The route explained line by line in a detail pane.
  /// `decision` replaces the route's own "Decided by" when the domain row knows better (an opt-out line).
  static func explain(_ route: Route, on version: DMSVersion, decision: String? = nil, into pane: inout DetailPane.Builder) {
    pane.field("On \(version.name)", route.summary, style(route))
    if let rewritten = route.rewrittenSender { pane.field("Looked up as", "\(rewritten) (rewritten by SRS)") }
    pane.field("Decided by", decision ?? route.decisionText)
    if route.outcome == .relayed || route.authDecidedBy != nil { pane.field("AUTH", route.authText) }
    if let fallbacks = route.fallbacksText { pane.field("Fallbacks", fallbacks) }
    pane.field("TLS", route.tlsText)
    if let unpreviewable = route.unpreviewable { pane.message("▲", "Cannot be previewed: \(unpreviewable)", .warning) }
    for warning in route.warnings { pane.message("▲", warning.message, .warning) }
  }
}
