/// How a route reads, for the CLI, the screens, the wizard and the planner's notes alike.
extension Route {
  /// `relayed via [h]:587 as user`, `direct to the recipient's MX`, `deferred: why`.
  public var summary: String {
    if let unpreviewable { return "cannot be previewed: \(unpreviewable)" }
    switch outcome {
    case .relayed:
      let auth = authUser.map { " as \($0)" } ?? " (no AUTH)"
      return "relayed via \(nexthop ?? "?")\(auth)"
    case .direct: return "direct to the recipient's MX"
    case .deferred: return "deferred: \(reason ?? "")"
    case .bounced: return "bounced: \(reason ?? "")"
    case .error: return "error: \(reason ?? "")"
    }
  }

  /// `relayhost_map:@d ← postfix-relaymap.cf:3`, or how direct delivery was decided.
  public var decisionText: String {
    guard let decided = decidedBy else { return "no relay map entry, no relayhost: direct to the MX" }
    if let origin = decidedByOrigin { return "\(decided) ← \(origin.reference)" }
    return decided
  }

  /// `user 'u' from sasl_passwd:@d ← postfix-sasl-password.cf:2`, or why there is none.
  public var authText: String {
    guard let by = authDecidedBy else {
      return outcome == .relayed ? "none: no credentials match this sender or relay" : "—"
    }
    let user = authUser.map { "user '\($0)' " } ?? ""
    if let origin = authOrigin { return "\(user)from \(by) ← \(origin.reference)" }
    return "\(user)from \(by)"
  }

  /// The hops tried when the first fails, unusable ones marked (spec §5), or nil.
  public var fallbacksText: String? {
    guard !fallbacks.isEmpty else { return nil }
    return fallbacks.map { hop in
      guard hop.isUsable else { return "\(hop.written) (cannot work)" }
      return hop.authUser.map { "\(hop.written) as \($0)" } ?? hop.written
    }.joined(separator: ", ")
  }

  /// The TLS level, with what `encrypt` means.
  public var tlsText: String {
    tls == "encrypt" ? "encrypt (\(PostfixFacts.encryptScope))" : tls
  }
}

extension Route {
  /// Why a route without AUTH to a relay another sender logs in to will likely fail.
  public func unauthenticatedNote(authenticatedBy other: String) -> String {
    "no AUTH to \(nexthop ?? "the relay"), which \(other) logs in to: the relay most likely refuses this mail; add credentials for this sender"
  }
}

extension Route {
  /// "Decided by" for a domain whose own opt-out line kept its `RELAY_HOST` entry away
  /// (issue 14: it said "no relay map entry", naming no line).
  public static func optOutDecision(domain: String, line: Int) -> String {
    "opt-out '@\(domain) ' ← postfix-relaymap.cf:\(line): DMS generates no RELAY_HOST entry, so direct to the MX"
  }

  /// "Relay map" for a domain without a line whose `RELAY_HOST` entry a collision blocked
  /// (issue 14: it said "follows RELAY_HOST" while the route is direct).
  public static func blockedEntryNote(_ diagnostic: Diagnostic) -> String {
    "no line, and no RELAY_HOST entry: \(diagnostic.message.split(separator: ":", maxSplits: 1).last.map { String($0).trimmingPrefixSpaces } ?? diagnostic.message)"
  }
}

extension String {
  fileprivate var trimmingPrefixSpaces: String { String(drop { $0 == " " }) }
}
