/// One distinct relay on the Relays screen: a next hop named by the relay map,
/// `RELAY_HOST` or `DEFAULT_RELAY_HOST`, the senders whose mail goes there, and what is
/// wrong with it.
public struct RelayRow: Hashable, Sendable {
  /// Where the relay is named.
  public enum Origin: Hashable, Sendable {
    /// A `postfix-relaymap.cf` line (1-based) and its key.
    case relayMap(line: Int, key: String)
    /// `[RELAY_HOST]:RELAY_PORT`; the origin of `RELAY_HOST`.
    case relayHost(EnvironmentOrigin?)
    case defaultRelayHost(EnvironmentOrigin?)
  }

  /// The next hop as written (`[smtp.example.com]:587`).
  public var nexthop: String
  /// Parsed host and port; nil when Postfix cannot parse the next hop.
  public var host: String?
  public var port: Int?
  public var origins: [Origin]
  /// Senders (from the preview's routes) whose next hop this is.
  public var senders: [String]
  /// How many of those senders are deferred or bounced.
  public var failingSenders: Int
  /// SASL users those senders authenticate as.
  public var authUsers: [String]
  /// Problems with this relay in plain words: port, TLS, credentials.
  public var warnings: [String]

  /// True when some sender authenticates to this relay.
  public var hasCredentials: Bool { !authUsers.isEmpty }

  /// Named by `RELAY_HOST` or `DEFAULT_RELAY_HOST`: edited through the env dialog.
  public var isFromEnvironment: Bool {
    origins.contains {
      if case .relayMap = $0 { return false }
      return true
    }
  }

  /// The relay map keys (`@domain`) that name this relay.
  public var relayMapKeys: [String] {
    origins.compactMap {
      if case .relayMap(_, let key) = $0 { return key }
      return nil
    }
  }
}

extension RelayRow {
  static func rows(configuration: Configuration, preview: RoutingPreview) -> [RelayRow] {
    var rows: [RelayRow] = []
    var indexByHop: [String: Int] = [:]
    func index(_ nexthop: String) -> Int {
      let folded = nexthop.lowercased()
      if let known = indexByHop[folded] { return known }
      var row = RelayRow(
        nexthop: nexthop, host: nil, port: nil, origins: [], senders: [], failingSenders: 0,
        authUsers: [], warnings: [])
      switch NextHop.parse(nexthop) {
      case .success(let hop):
        row.host = hop.host
        row.port = hop.port
      case .failure(.comment):
        row.warnings.append("'\(nexthop)' is a comment, not a host: Postfix's smtp process dies")
      case .failure(.invalid(_, let reason)):
        row.warnings.append("Postfix cannot parse this next hop: \(reason)")
      case .failure(.empty):
        row.warnings.append("empty next hop")
      }
      indexByHop[folded] = rows.count
      rows.append(row)
      return rows.count - 1
    }

    let env = configuration.environment(for: preview.version, path: .startup)
    if !env["RELAY_HOST"].isEmpty {
      rows[index(env.envRelayHost)].origins.append(.relayHost(env.origins["RELAY_HOST"]))
    }
    let defaultRelay = env["DEFAULT_RELAY_HOST"]
    if let first = NextHopList(defaultRelay).words.first {
      rows[index(first)].origins.append(.defaultRelayHost(env.origins["DEFAULT_RELAY_HOST"]))
    }
    for (line, kind) in (configuration.relayMap?.kinds ?? []).enumerated() {
      guard case .relay(let key, let value) = kind else { continue }
      let list = NextHopList(value)
      let first = list.words.first ?? value
      let row = index(first)
      rows[row].origins.append(.relayMap(line: line + 1, key: key))
      if list.words.count > 1, list.words[1].hasPrefix("#") {
        let warning = "postfix-relaymap.cf:\(line + 1): the trailing comment is part of the value (Postfix reads it as further next hops)"
        if !rows[row].warnings.contains(warning) { rows[row].warnings.append(warning) }
      }
    }

    var users: [Int: Set<String>] = [:]
    for route in preview.routes {
      guard let nexthop = route.nexthop else { continue }
      let row = index(nexthop)
      rows[row].senders.append(route.sender)
      if route.outcome.fails { rows[row].failingSenders += 1 }
      if let user = route.authUser { users[row, default: []].insert(user) }
    }
    for row in rows.indices {
      rows[row].authUsers = (users[row] ?? []).sorted()
      rows[row].warnings += warnings(rows[row])
    }
    return rows
  }

  /// Port and credential advice that holds on every DMS version.
  static func warnings(_ row: RelayRow) -> [String] {
    var out: [String] = []
    if row.port == 465 {
      out.append(PostfixFacts.implicitTLSRowNote)
    } else if row.port == 25, row.host != nil {
      out.append("port 25: relay services usually expect submission on 587 with AUTH, and many networks block 25")
    }
    if !row.senders.isEmpty, row.authUsers.isEmpty {
      out.append("no credentials: mail is sent without AUTH, and a relay that requires it refuses the mail")
    }
    if row.failingSenders > 0 {
      out.append("\(row.failingSenders) of \(row.senders.count) sender(s) using it are deferred")
    }
    return out
  }
}
