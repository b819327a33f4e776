extension Checks {
  /// Credentials that are wrong, unused, or missing where they are needed.
  static func checkCredentials(_ c: Context, _ out: inout [Diagnostic]) {
    let file = SaslPasswordFile.fileName
    for (index, line) in c.saslLines.enumerated() {
      switch SaslPasswordFile.classify(line) {
      case .credentialWithoutColon(let key, _):
        out.append(
          Diagnostic(
            .credentialsWithoutColon, at: c.location(file, index),
            "the credentials for '\(key)' have no ':' — Postfix takes the whole value as the user name and sends an empty password",
            fix: "write them as 'user:password' (dms-relay add-auth)"))
      case .credential(let key, let user, _) where user.isEmpty:
        out.append(
          Diagnostic(
            .emptySaslUser, at: c.location(file, index),
            "the credentials for '\(key)' have an empty user name: SASL authentication fails and the mail is deferred",
            fix: "write them as 'user:password' (dms-relay add-auth)"))
      case .keyWithoutValue(let key) where c.state.saslPasswd == nil:
        out.append(
          Diagnostic(
            .keyWithoutValue, at: c.location(file, index),
            "'\(key)' has no 'user:password': Postfix would ignore the line", fix: "add 'user:password' after the key"))
      default:
        break
      }
    }
    checkUnusedCredentials(c, &out)
    checkRelaysWithoutCredentials(c, &out)
  }

  private static func checkUnusedCredentials(_ c: Context, _ out: inout [Diagnostic]) {
    guard let sasl = c.state.saslPasswd, c.router.authEnabled else { return }
    let used = Set(c.routes.compactMap { $0.authDecidedBy?.dropFirst("sasl_passwd:".count).lowercased() })
    let table = c.router.saslTable ?? TexthashTable(sasl)
    for entry in table.entries.values.sorted(by: { $0.lineIndex < $1.lineIndex }) {
      let folded = entry.key.lowercased()
      guard !used.contains(folded) else { continue }
      // A relay key is used when a route relays through that host.
      let isRelayKey = !folded.utf8.contains(UInt8(ascii: "@"))
      let origin = sasl.origins[entry.lineIndex]
      let where_ = isRelayKey ? "no route relays through '\(entry.key)'" : "no known sender matches '\(entry.key)'"
      out.append(
        Diagnostic(
          .unusedCredentials, at: origin.location ?? envOrigin(origin, c),
          "these credentials are never used: \(where_)",
          fix: isRelayKey
            ? "key them exactly as the relay is written (e.g. [smtp.example.com]:587), or remove them"
            : "remove them, or add a relay for that sender with 'dms-relay add-domain'"))
    }
  }

  private static func envOrigin(_ origin: LineOrigin, _ c: Context) -> SourceLocation? {
    if case .environment(let keys) = origin, let key = keys.first { return c.envLocation(key) }
    return nil
  }

  private static func checkRelaysWithoutCredentials(_ c: Context, _ out: inout [Diagnostic]) {
    let relayed = c.routes.filter { $0.outcome == .relayed }
    guard relayed.contains(where: { $0.authUser != nil }) else { return }
    var seen: Set<String> = []
    for route in relayed where route.authUser == nil {
      guard let hop = route.nexthop, seen.insert(hop.lowercased()).inserted else { continue }
      let users = relayed.filter { $0.nexthop?.lowercased() == hop.lowercased() }.map(\.sender)
      out.append(
        Diagnostic(
          .relayWithoutCredentials, at: route.decidedByOrigin?.location,
          "mail relayed via \(hop) (\(users.prefix(3).joined(separator: ", "))\(users.count > 3 ? ", …" : "")) is sent without AUTH while other relays have credentials; a relay that demands AUTH bounces it",
          fix: "add credentials keyed to the sender domain (dms-relay add-auth) or to '\(hop)' in postfix-sasl-password.cf"))
    }
  }

  /// TLS settings that reach further than the admin expects (spec §4).
  static func checkTLS(_ c: Context, _ out: inout [Diagnostic]) {
    let direct = c.routes.filter { $0.outcome == .direct }
    if c.router.tls == "encrypt", !direct.isEmpty {
      let names = direct.prefix(3).map(\.sender).joined(separator: ", ")
      out.append(
        Diagnostic(
          .encryptForcesDirectTLS,
          "credentials switch on smtp_tls_security_level = encrypt for ALL outbound SMTP: direct mail (\(names)\(direct.count > 3 ? ", …" : "")) is deferred by any MX without STARTTLS",
          fix: "send those domains through a relay too, or accept that MX hosts without STARTTLS cannot receive their mail"))
    }
    if c.env["RELAY_PORT"] == "465", c.relayHostSet {
      out.append(port465(c.env.envRelayHost, at: c.envLocation("RELAY_PORT")))
    }
    if case .success(let hop) = NextHopList(c.env["DEFAULT_RELAY_HOST"]).first, hop.port == 465 {
      out.append(port465(hop.written, at: c.envLocation("DEFAULT_RELAY_HOST")))
    }
  }
}
