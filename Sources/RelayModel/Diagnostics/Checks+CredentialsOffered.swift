extension Checks {
  /// Credentials that direct mail offers to any recipient MX advertising AUTH, and direct
  /// mail an unusable credentials table defers there (spec §11).
  static func checkCredentialsOffered(_ c: Context, _ out: inout [Diagnostic]) {
    let routes = c.routes
    // Per credentials line, the direct senders that offer it (routes read by index).
    var offered: [Int: [String]] = [:]
    var deferred: [String] = []
    for index in routes.indices where routes[index].outcome == .direct {
      if let entry = routes[index].mxAuthEntry, sendsBeyondCredentials(c, index) {
        offered[entry, default: []].append(routes[index].sender)
      }
      if routes[index].deferredByMXAuth { deferred.append(routes[index].sender) }
    }
    if let table = c.router.saslTable, let sasl = c.router.saslTableLines {
      for (entry, senders) in offered.sorted(by: { $0.key < $1.key }) where entry < table.entries.count {
        let origin = sasl.origins[table.entries[entry].lineIndex]
        out.append(
          Diagnostic(
            .credentialsOfferedToMX, at: origin.location,
            "mail from \(sample(senders)) goes direct, yet Postfix (smtp_sender_dependent_authentication = yes) offers these credentials to every recipient MX that advertises AUTH: the relay password goes to third parties",
            fix: "relay '\(Redaction.credentialKey(table.entries[entry].key))' through the provider these credentials belong to (dms-relay add-domain), or remove the credentials"))
      }
    }
    if !deferred.isEmpty {
      out.append(
        Diagnostic(
          .mxAuthDefers,
          "sasl_passwd is unusable (a duplicate key), and Postfix looks credentials up whenever a server advertises AUTH: direct mail (\(sample(deferred))) is deferred by every recipient MX that does",
          fix: "keep one line per key in postfix-sasl-password.cf"))
    }
  }

  /// True when the route at `index` is a sender the setup has beyond the credentials file: an
  /// account, alias, relay-map entry or LDAP domain (for an address, its domain). Credentials
  /// that only a sender known from the credentials file itself would offer are reported as
  /// `unused-credentials`, not as offered: nobody sends that mail (spec §11).
  static func sendsBeyondCredentials(_ c: Context, _ index: Int) -> Bool {
    guard let senders = c.senders else { return true }
    let beyond = ~KnownSenders.Domain.bit(.credentials)
    if index < senders.domains.count { return senders.domains[index].sourceBits & beyond != 0 }
    guard let address = SenderAddress(c.routes[index].sender), let domain = senders.domain(named: address.domain)
    else { return false }
    return domain.sourceBits & beyond != 0
  }

  /// Up to three senders, then "…".
  private static func sample(_ senders: [String]) -> String {
    (senders.prefix(3) + (senders.count > 3 ? ["…"] : [])).joined(separator: ", ")
  }
}
