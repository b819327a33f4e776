extension Checks {
  /// Credentials lines that are malformed.
  static func checkCredentialLines(_ c: Context, _ out: inout [Diagnostic]) {
    let file = SaslPasswordFile.fileName
    // Keys shown as redacted by logical lines: a continuation line is password, not a key.
    let shown = Redaction.saslPasswords.redactLines(c.saslLines.map(\.body)).map { KeyValueLine($0).key }
    for (index, line) in c.saslLines.enumerated() where !isWellFormedCredential(line.body) {
      switch SaslPasswordFile.classify(line) {
      case .credentialWithoutColon(let key, _):
        out.append(
          Diagnostic(
            .credentialsWithoutColon, at: c.location(file, index),
            "the credentials for '\(Redaction.credentialKey(key))' have no ':' — Postfix takes the whole value as the user name and sends an empty password",
            fix: "write them as 'user:password' (dms-relay add-auth)"))
      case .credential(let key, let user, _) where user.isEmpty:
        out.append(
          Diagnostic(
            .emptySaslUser, at: c.location(file, index),
            "the credentials for '\(Redaction.credentialKey(key))' have an empty user name: SASL authentication fails and the mail is deferred",
            fix: "write them as 'user:password' (dms-relay add-auth)"))
      case .keyWithoutValue where c.state.saslPasswd == nil:
        out.append(
          Diagnostic(
            .keyWithoutValue, at: c.location(file, index),
            "'\(shown[index])' has no 'user:password': Postfix would ignore the line", fix: "add 'user:password' after the key"))
      default:
        break
      }
    }
  }

  /// Credentials no route uses, and relays some routes reach without any.
  static func checkCredentialUse(_ c: Context, _ out: inout [Diagnostic]) {
    checkUnusedCredentials(c, &out)
    checkRelaysWithoutCredentials(c, &out)
  }

  /// True for `key user:password` with a non-empty user, which none of the line checks
  /// reports: read from the bytes, because classifying builds four Strings per line.
  private static func isWellFormedCredential(_ body: [UInt8]) -> Bool {
    let keyStart = Bytes.firstNonSpace(body)
    guard keyStart < body.count, body[keyStart] != UInt8(ascii: "#") else { return false }
    let valueStart = Bytes.firstNonSpace(body, from: Bytes.firstSpace(body, from: keyStart))
    guard valueStart < body.count, body[valueStart] != UInt8(ascii: ":") else { return false }
    return body[valueStart...].contains(UInt8(ascii: ":"))
  }

  private static func checkUnusedCredentials(_ c: Context, _ out: inout [Diagnostic]) {
    guard c.router.authEnabled, let read = readSaslTable(c) else { return }
    let (sasl, table) = (read.lines, read.parsed)
    for entry in unusedEntries(table, c).sorted(by: { $0.lineIndex < $1.lineIndex }) {
      let folded = entry.key.lowercased()
      // A relay key is used when a route relays through that host.
      let isRelayKey = !folded.utf8.contains(UInt8(ascii: "@"))
      let origin = sasl.origins[entry.lineIndex]
      // A whitespace-led line is a continuation whose key line is gone (del-auth removes only
      // the key's own line, as DMS's sed does): its "key" is password, never shown.
      let first = sasl.lines[entry.lineIndex].first
      let key = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") ? Redaction.placeholder : entry.key
      let where_ = isRelayKey ? "no route relays through '\(key)'" : "no known sender matches '\(key)'"
      out.append(
        Diagnostic(
          .unusedCredentials, at: origin.location ?? envOrigin(origin, c),
          "these credentials are never used: \(where_)",
          fix: isRelayKey
            ? "key them exactly as the relay is written (e.g. [smtp.example.com]:587), or remove them"
            : "remove them, or add a relay for that sender with 'dms-relay add-domain'"))
    }
  }

  /// The entries no route took its credentials from: routes remember which entry they used
  /// (read by index: iterating 100,000 `Route` values copies each one). An entry that a direct
  /// sender with an account, alias or relay entry offers to any MX that advertises AUTH is
  /// used, and worse: it has its own warning (`credentials-offered-to-mx`), so it is not also
  /// called "never used".
  private static func unusedEntries(_ table: TexthashTable, _ c: Context) -> [TexthashTable.Entry] {
    let routes = c.routes
    var used = [Bool](repeating: false, count: table.entries.count)
    for index in routes.indices {
      if let entry = routes[index].authEntry, entry < used.count { used[entry] = true }
      // A fallback hop's own entry is used once the hops before it fail.
      for hop in routes[index].fallbacks {
        if let entry = hop.authEntry, entry < used.count { used[entry] = true }
      }
      if let entry = routes[index].mxAuthEntry, entry < used.count, sendsBeyondCredentials(c, index) {
        used[entry] = true
      }
    }
    return table.entries.indices.filter { !used[$0] }.map { table.entries[$0] }
  }

  private static func envOrigin(_ origin: LineOrigin, _ c: Context) -> SourceLocation? {
    if case .environment(let keys) = origin, let key = keys.first { return c.envLocation(key) }
    return nil
  }

  /// Routes are read by index throughout: iterating 100,000 `Route` values copies each one.
  private static func checkRelaysWithoutCredentials(_ c: Context, _ out: inout [Diagnostic]) {
    let routes = c.routes
    let relayed = routes.indices.filter { routes[$0].outcome == .relayed }
    guard relayed.contains(where: { routes[$0].authUser != nil }) else { return }
    var folded = FoldedHops()
    // The next hops (lowercased) some route reaches without AUTH, each with its first such route.
    var hopsWithoutAuth: [(folded: String, route: Int)] = []
    var seen: Set<String> = []
    var previous: String?
    for index in relayed where routes[index].authUser == nil {
      guard let hop = routes[index].nexthop, hop != previous else { continue }
      previous = hop
      if seen.insert(folded[hop]).inserted { hopsWithoutAuth.append((folded[hop], index)) }
    }
    guard !hopsWithoutAuth.isEmpty else { return }
    let sendersByHop = relayedSenders(routes, relayed, through: seen, &folded)
    for (hop, index) in hopsWithoutAuth {
      let route = routes[index]
      let written = route.nexthop ?? hop
      let users = sendersByHop[hop] ?? []
      out.append(
        Diagnostic(
          .relayWithoutCredentials, at: route.decidedByOrigin?.location,
          "mail relayed via \(written) (\(users.prefix(3).joined(separator: ", "))\(users.count > 3 ? ", …" : "")) is sent without AUTH while other relays have credentials; a relay that demands AUTH bounces it",
          fix: "add credentials keyed to the sender domain (dms-relay add-auth) or to '\(written)' in postfix-sasl-password.cf"))
    }
  }

  /// Up to four senders per lowercased next hop in `hops`, in route order: enough for the
  /// message ("a, b, c, …"), and one pass instead of a filter over every relayed route per hop.
  private static func relayedSenders(
    _ routes: [Route], _ relayed: [Int], through hops: Set<String>, _ folded: inout FoldedHops
  ) -> [String: [String]] {
    var senders: [String: [String]] = [:]
    var full = 0
    // An ASCII hop folds to as many bytes: one of another length is none of `hops`, which
    // settles most of 100,000 routes without hashing their hop.
    let lengths = Set(hops.map(\.utf8.count))
    for index in relayed {
      guard let hop = routes[index].nexthop else { continue }
      if !lengths.contains(hop.utf8.count), hop.utf8.allSatisfy({ $0 < 0x80 }) { continue }
      let key = folded[hop]
      guard hops.contains(key), senders[key, default: []].count < 4 else { continue }
      senders[key, default: []].append(routes[index].sender)
      if senders[key]?.count == 4 {
        full += 1
        if full == hops.count { break }
      }
    }
    return senders
  }

  /// `hop.lowercased()`, computed once per distinct next hop (100,000 routes share a few).
  /// The hop last asked for is answered without hashing: consecutive routes mostly share it.
  private struct FoldedHops {
    private var cache: [String: String] = [:]
    private var last: (hop: String, folded: String)?

    subscript(hop: String) -> String {
      mutating get {
        if let last, last.hop == hop { return last.folded }
        let folded = cache[hop] ?? hop.lowercased()
        cache[hop] = folded
        last = (hop, folded)
        return folded
      }
    }
  }

  /// The first `limit` senders delivered directly, read by index (filtering copied 100,000 routes).
  private static func firstDirectSenders(_ routes: [Route], limit: Int) -> [String] {
    var senders: [String] = []
    for index in routes.indices where routes[index].outcome == .direct {
      senders.append(routes[index].sender)
      if senders.count == limit { break }
    }
    return senders
  }

  /// `encrypt` reaching direct delivery (spec §4).
  static func checkDirectDeliveryTLS(_ c: Context, _ out: inout [Diagnostic]) {
    let direct = c.router.tls == "encrypt" ? firstDirectSenders(c.routes, limit: 4) : []
    if !direct.isEmpty {
      let names = direct.prefix(3).joined(separator: ", ")
      out.append(
        Diagnostic(
          .encryptForcesDirectTLS,
          PostfixFacts.encryptOnDirectMail(names + (direct.count > 3 ? ", …" : ""))
            + (c.rules.honoursTLSRequiredHeader ? "; " + PostfixFacts.tlsRequiredHeader : ""),
          fix: "send those domains through a relay too, or accept that MX hosts without STARTTLS cannot receive their mail"))
    }
  }

  /// Port 465 named in the environment (spec §4).
  static func checkPort465Environment(_ c: Context, _ out: inout [Diagnostic]) {
    if c.relayHostSet, case .success(let hop) = NextHop.parse(c.env.envRelayHost), hop.port == 465 {
      out.append(port465(c.env.envRelayHost, at: c.envLocation("RELAY_PORT")))
    }
    if case .success(let hop) = NextHopList(c.env["DEFAULT_RELAY_HOST"]).first, hop.port == 465 {
      out.append(port465(hop.written, at: c.envLocation("DEFAULT_RELAY_HOST")))
    }
  }
}
