/// Routes of senders that postsrsd rewrites before the relay lookup (spec §9).
extension Router {
  /// The route of `senderText` when SRS changes it, else nil (the ordinary route applies).
  ///
  /// A rewritten sender is routed by its rewritten address, `SRS0=HASH=TT=domain=local@`
  /// `SRS_DOMAINNAME`: its full-address key is in no table, so `@SRS_DOMAINNAME` decides, and
  /// the sender's own `@domain` entries never match. The route keeps the original sender and
  /// shows the rewritten one; when the entries it loses would have routed it differently, a
  /// warning says how it would have gone and how to keep that.
  func srsRoute(_ senderText: String) -> Route? {
    if srs.neverStarts, let blank = srs.blankVariable {
      var route = Route(
        sender: senderText, outcome: .deferred, nexthop: nil, relay: nil, authUser: nil,
        decidedBy: nil, decidedByOrigin: nil, authDecidedBy: nil, authOrigin: nil, tls: tls,
        reason: Self.postsrsdDownReason(blank.name, blank.value), warnings: [])
      route.decidedBy = "postsrsd"
      return route
    }
    guard let rewritten = srs.rewritten(senderText) else { return nil }
    var route = route(rewritten, ownKey: nil)
    // A `.senderKey` decider names the route's sender: spell it out before the sender
    // changes back to the original.
    route.decidedBy = route.decidedBy
    route.authDecidedBy = route.authDecidedBy
    route.sender = senderText
    route.rewrittenSender = rewritten
    var plain = self
    plain.srs.isEnabled = false
    let original = plain.route(senderText)
    var rewriteNote =
      "ENABLE_SRS=1: postsrsd rewrites the envelope sender to '\(rewritten)' before Postfix looks up the relay (HASH and TT stand for the signature and the day, which no lookup reads), so this sender takes the route of '@\(srs.domain.text)'"
    if srs.domain.name == nil {
      rewriteNote += "; SRS_DOMAINNAME is unknown here (\(srs.domain.explanation)): an entry for that domain would decide"
    }
    route.warnings.insert(RouteWarning("srs-rewrite", rewriteNote), at: 0)
    if original.outcome != route.outcome || original.nexthop != route.nexthop || original.authUser != route.authUser {
      route.warnings.insert(
        RouteWarning(
          "srs-bypass",
          "without SRS it would go \(original.summary)\(original.decidedBy.map { " (\($0))" } ?? ""); to keep that, \(srsFix(for: senderText))"
        ), at: 1)
    }
    return route
  }

  /// How to keep a sender's own route: exclude its domain, or route `@SRS_DOMAINNAME`.
  func srsFix(for sender: String) -> String {
    let domain = SenderAddress(sender)?.domain.lowercased() ?? sender
    return
      "add '\(domain)' to SRS_EXCLUDE_DOMAINS (\(Self.excludeValue(adding: domain, to: srs.excludeValue))), or give '@\(srs.domain.text)' the relay entry this mail needs"
  }

  /// `SRS_EXCLUDE_DOMAINS=…` with `domain` added, commas only (a blank stops postsrsd).
  static func excludeValue(adding domain: String, to value: String) -> String {
    let entries = SRSRewrite.split(value) + [domain]
    return "SRS_EXCLUDE_DOMAINS=" + entries.joined(separator: ",")
  }

  /// Why every message stays put when postsrsd cannot start.
  static func postsrsdDownReason(_ variable: String, _ value: String) -> String {
    "postsrsd never starts (\(variable)='\(value)' holds a blank, which DMS's start command splits into words), so Postfix's cleanup cannot reach tcp:localhost:10001 and no message leaves the maildrop, bounces included"
  }
}
