extension ObservedSenders {
  /// One summary per sender domain, alphabetically.
  func summaries() -> [SenderDomainSummary] {
    var result: [SenderDomainSummary] = []
    result.reserveCapacity(domainNames.count)
    for id in domainNames.indices {
      let name = domainNames[id]
      let predicted = comparison?.router.route("@" + name)
      var routes: [ObservedRoute] = []
      var compared = 0
      var worst: (group: Group, route: String)?
      for group in groups[id].sorted(by: { $0.count > $1.count }) {
        let route = relayNames[Int(group.relay)]
        let relay = route.hasPrefix("via ") ? String(route.dropFirst(4)) : nil
        routes.append(
          ObservedRoute(
            route: route, status: group.status, count: group.count, first: group.first, last: group.last,
            reason: group.reason.map { $0.plainWords(relay: relay, example: group.example ?? "") },
            reasonCode: group.reason, disagreeing: group.disagreeing))
        compared += group.compared
        if group.disagreeing > 0, group.disagreeing > (worst?.group.disagreeing ?? 0) { worst = (group, route) }
      }
      var summary = SenderDomainSummary(
        domain: name, observed: routes, predicted: predicted, agrees: compared > 0 ? worst == nil : nil,
        explanation: nil, perHour: perHour[id])
      if let worst, let predicted, let comparison {
        summary.explanation = Self.explain(worst.group, route: worst.route, domain: name, predicted: predicted, comparison)
      }
      result.append(summary)
    }
    return result.sorted { $0.domain.lowercased() < $1.domain.lowercased() }
  }

  /// "42 messages from a.test went direct since 10:02 although the files route it via
  /// [smtp.sendgrid.net]:587 — the container runs the configuration from before your change: …"
  static func explain(
    _ group: Group, route: String, domain: String, predicted: Route, _ comparison: ObservedComparison
  ) -> String {
    let count = group.disagreeing == 1 ? "1 message" : "\(group.disagreeing) messages"
    let since = group.first.map { " since \($0.clock)" } ?? ""
    let did: String
    switch group.status {
    case .sent: did = route == "direct" ? "went direct" : "went \(route)"
    case .bounced:
      did = route == "none" ? "bounced" : route == "direct" ? "bounced going direct" : "bounced \(route.replacingOccurrences(of: "via ", with: "at "))"
    default:
      did = route == "none" ? "stayed \(group.status.rawValue)" : "\(group.disagreeing == 1 ? "was" : "were") \(group.status.rawValue) \(route == "direct" ? "going direct" : route)"
    }
    let expected: String
    switch predicted.outcome {
    case .relayed: expected = "the files route it via \(predicted.nexthop ?? "a relay")"
    case .direct: expected = "the files send it direct to the recipient's MX"
    case .deferred: expected = "the files predict it stays deferred (\(predicted.reason ?? "see preview"))"
    case .bounced: expected = "the files predict it bounces (\(predicted.reason ?? "see preview"))"
    case .error: expected = "the files predict Postfix's smtp client dies (\(predicted.reason ?? "see preview"))"
    }
    return "\(count) from \(domain) \(did)\(since) although \(expected) — \(comparison.likelyCause)"
  }
}
