/// One sender on the Routing screen: its route on the selected version, on the comparison
/// version when one is shown, and the diagnostics about the lines that decided it.
public struct RouteRow: Hashable, Sendable {
  public var route: Route
  public var comparison: Route?
  /// Diagnostics located at the relay or credentials line this route used.
  public var diagnostics: [Diagnostic]
  /// A sender that authenticates to the relay this route reaches without AUTH: that relay
  /// requires a login, so it most likely refuses this mail (issue 14 fix 3).
  public var authenticatedBy: String?

  /// True when the comparison version sends this sender's mail somewhere else.
  public var differs: Bool {
    guard let comparison else { return false }
    return comparison.outcome != route.outcome || comparison.nexthop != route.nexthop
      || comparison.authUser != route.authUser
  }
}

extension RouteRow {
  static func rows(
    preview: RoutingPreview, comparison: RoutingPreview?, diagnosticsByLine: DiagnosticIndex
  ) -> [RouteRow] {
    // Per relay, the first sender that logs in to it.
    var authenticating: [String: String] = [:]
    for route in preview.routes where route.outcome == .relayed && route.authUser != nil {
      if let hop = route.nexthop, authenticating[hop] == nil { authenticating[hop] = route.sender }
    }
    return preview.routes.enumerated().map { index, route in
      var diagnostics = diagnosticsByLine[route.decidedByOrigin]
      for diagnostic in diagnosticsByLine[route.authOrigin] where !diagnostics.contains(diagnostic) {
        diagnostics.append(diagnostic)
      }
      let other = comparison.map { $0.routes.indices.contains(index) ? $0.routes[index] : $0.route(route.sender) }
      var row = RouteRow(route: route, comparison: other, diagnostics: diagnostics)
      if route.outcome == .relayed, route.authUser == nil, let hop = route.nexthop {
        row.authenticatedBy = authenticating[hop]
      }
      return row
    }
  }
}
