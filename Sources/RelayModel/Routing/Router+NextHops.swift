/// A relay value as a list of next hops (spec §5): the first carries the mail while it
/// answers; the rest are fallbacks, tried in order only when the ones before them fail.
extension Router {
  /// Applies a relay value; returns a finished route when the first hop cannot be used.
  ///
  /// The prediction is the first hop: a relay that answers is the normal case, and a
  /// refused or timed-out connection is something only a live check can see. The route
  /// lists the fallbacks and warns about words Postfix cannot use, which would stop the
  /// smtp client if the hops before them failed.
  func applyNextHop(_ value: ParsedValue, to route: inout Route) -> Route? {
    switch value.first {
    case .success(let hop):
      route.outcome = .relayed
      route.nexthop = hop.written
      route.relay = value.relay
      route.fallbacks = value.fallbacks
      guard !value.fallbacks.isEmpty else { return nil }
      let rest = value.fallbacks.map(\.written).joined(separator: " ")
      route.warnings.append(
        RouteWarning(
          "extra-nexthops",
          "Postfix reads '\(rest)' as further next hops, tried only when '\(hop.written)' does not answer"))
      if let bad = value.fallbacks.first(where: { !$0.isUsable }) {
        route.warnings.append(
          RouteWarning(
            "unusable-fallback",
            "'\(bad.written)' cannot be a next hop (\(bad.problem ?? "")): if the hops before it fail, Postfix's smtp client dies on it and the mail stays queued"))
      }
      return nil
    case .failure(.comment(let word)):
      return smtpError(
        route,
        "the relay value starts with '\(word)': Postfix's smtp process dies ('valid hostname or network address required'), the mail stays queued and other mail is throttled too")
    case .failure(.invalid(let word, let reason)):
      return smtpError(
        route,
        "the next hop '\(word)' cannot be parsed (\(reason)): Postfix's smtp process dies, the mail stays queued and other mail is throttled too")
    case .failure(.empty):
      var failed = route
      failed.outcome = .deferred
      failed.reason = "the relay value is empty"
      return failed
    }
  }

  /// `route` as an smtp error: Postfix's smtp client died, nothing was logged as a status,
  /// the message stays queued and the transport is throttled.
  func smtpError(_ route: Route, _ reason: String) -> Route {
    var route = route
    route.outcome = .error
    route.reason = reason
    return route
  }
}
