extension RoutingIntent {
  /// `all mail via [h]:587 as 'u'` / `a.test via …; every other domain direct`: one line
  /// for plan headers in the wizard and `setup --non-interactive`.
  public var summary: String {
    var parts = domains.map { "\($0.domain) \($0.destination)" }
    parts.append(domains.isEmpty ? "all mail \(otherDomains)" : "every other domain \(otherDomains)")
    return parts.joined(separator: "; ")
  }
}
