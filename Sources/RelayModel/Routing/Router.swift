#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Predicts what Postfix does per sender with the state DMS generated (spec §5).
///
/// Built once per generated state (tables parsed once), then asked per sender, so routing
/// 100,000 senders is linear.
public struct Router: Sendable {
  public let state: GeneratedState
  /// `relayhost_map` and `sasl_passwd` as Postfix reads them (nil when not configured).
  public let relayTable: TexthashTable?
  public let saslTable: TexthashTable?
  let environment: RelayEnvironment

  public let tls: String
  public let authEnabled: Bool
  public let hasPasswordMaps: Bool
  public let senderDependentAuthentication: Bool
  public let relayhost: String
  /// The `main.cf`/`master.cf` settings routes are predicted with (spec §8).
  public let settings: PostfixSettings
  /// `delivery.onlyPortRules`, kept apart: read on every route.
  let onlyPortRules: Bool
  let delivery: Delivery
  /// Each distinct relay map value parsed once, by `TexthashTable.distinctValues` position
  /// (50,000 entries often share a few relays).
  let parsedValues: [ParsedValue]
  let parsedRelayhost: ParsedValue
  /// What postsrsd does to senders (spec §9), read once, not per sender.
  var srs: SRSRewrite
  /// Where each line of `relayhostMap` and `saslPasswd` came from (read per route: taken out
  /// of the state once).
  let relayOrigins: [LineOrigin]
  let saslOrigins: [LineOrigin]

  /// A class: 100,000 routes share a few of these, and passing one around costs one retain.
  final class ParsedValue: Sendable {
    let list: NextHopList
    let first: Result<NextHop, NextHop.ParseError>
    /// `first`'s `host:port` as Postfix logs it, built once for every route through it.
    let relay: String?
    /// The `sasl_passwd` entry keyed to `first` (its host, else as written), looked up once.
    let hopCredentials: Int?
    /// `first`'s port.
    let port: Int?
    /// The words after `first` (spec §5).
    let fallbacks: [FallbackHop]

    init(_ value: String, saslTable: TexthashTable?, ports: [String: Int]) {
      list = NextHopList(value)
      first = list.first(ports: ports)
      fallbacks = FallbackHop.fallbacks(of: list, ports: ports, saslTable: saslTable)
      if case .success(let hop) = first {
        relay = hop.relay
        hopCredentials = saslTable?.position(of: hop.host) ?? saslTable?.position(of: hop.written)
        port = hop.port
      } else {
        relay = nil
        hopCredentials = nil
        port = nil
      }
    }
  }

  /// `settings`: what Postfix runs with (`PostfixSettings(configuration:state:)` to see the
  /// admin's overrides); without it, the relay setup's settings over DMS's baseline.
  public init(
    state: GeneratedState, environment: RelayEnvironment = RelayEnvironment(), settings: PostfixSettings? = nil
  ) {
    self.state = state
    self.environment = environment
    let settings = settings ?? PostfixSettings(state: state)
    let delivery = Self.delivery(settings, state: state)
    self.settings = settings
    self.delivery = delivery
    tls = delivery.tls.isEmpty ? "none" : delivery.tls
    authEnabled = delivery.authEnabled
    hasPasswordMaps = !delivery.passwordMaps.isEmpty
    senderDependentAuthentication = delivery.senderDependentAuthentication
    relayhost = delivery.relayhost
    let readsRelayMap = delivery.readsRelayMap
    let readsPasswords = delivery.readsSaslTable
    let (relayTable, saslTable) = Parallel.both(
      { readsRelayMap ? TexthashTable(delivery.relayLines ?? state.relayhostMap ?? GeneratedTable()) : nil },
      { readsPasswords ? TexthashTable(delivery.saslLines ?? state.saslPasswd ?? GeneratedTable()) : nil })
    self.relayTable = relayTable
    self.saslTable = saslTable
    parsedValues = relayTable?.distinctValues.map { ParsedValue($0, saslTable: saslTable, ports: delivery.ports) } ?? []
    parsedRelayhost = ParsedValue(relayhost, saslTable: saslTable, ports: delivery.ports)
    relayOrigins = (delivery.relayLines ?? state.relayhostMap)?.origins ?? []
    saslOrigins = (delivery.saslLines ?? state.saslPasswd)?.origins ?? []
    srs = SRSRewrite(environment: environment)
    onlyPortRules = delivery.onlyPortRules
  }

  /// `NextHopList(value)`, parsed already when `value` is in the generated relay map: the
  /// relay map checks ask for every line's value, and most share a few relays.
  func nextHopList(_ value: String) -> NextHopList {
    relayTable?.valueID(of: value).map { parsedValues[$0].list } ?? NextHopList(value)
  }

  /// True when Postfix's smtp client exits before delivering anything (spec §4, first quirk).
  public var smtpClientDies: Bool { authEnabled && !hasPasswordMaps }

  /// The lines `relayTable` was read from: DMS's generated relay map, or the config-folder
  /// table an override names instead (spec §8). Its entries' `lineIndex` index these.
  public var relayTableLines: GeneratedTable? { delivery.relayLines ?? state.relayhostMap }
  /// The lines `saslTable` was read from, likewise.
  public var saslTableLines: GeneratedTable? { delivery.saslLines ?? state.saslPasswd }

  public var relayTableIsUnusable: Bool { relayTable.map { !$0.isUsable } ?? false }
  public var saslTableIsUnusable: Bool { saslTable.map { !$0.isUsable } ?? false }

  func origin(_ origins: [LineOrigin], _ index: Int) -> LineOrigin? {
    index < origins.count ? origins[index] : nil
  }

  public func route(_ senderText: String) -> Route {
    route(senderText, ownKey: nil)
  }

  /// Where an `@domain` sender's own key is in `relayTable` and `saslTable` (-1: not
  /// there), looked up ahead for many senders at once (`domainLookups(for:)`).
  struct OwnKeyPositions: Sendable {
    var relay: Int32
    var sasl: Int32
  }

  /// `OwnKeyPositions` for each of `senders`, all of the form `@domain`.
  func domainLookups(for senders: ArraySlice<String>) -> [OwnKeyPositions] {
    let relay = relayTable?.positions(of: senders)
    let sasl = saslTable?.positions(of: senders)
    return (0..<senders.count).map { OwnKeyPositions(relay: relay?[$0] ?? -1, sasl: sasl?[$0] ?? -1) }
  }

  /// `route(senderText)`, with the sender's own key looked up already when it is `@domain`.
  func route(_ senderText: String, ownKey: OwnKeyPositions?) -> Route {
    // postsrsd rewrites (or, never started, holds) every sender before any lookup; the null
    // sender it leaves alone unless it never starts.
    let isNull = Self.isNullSender(senderText)
    if srs.isEnabled, srs.neverStarts || !isNull, let rewritten = srsRoute(isNull ? Self.nullSender : senderText) {
      return rewritten
    }
    var route = isNull ? routeNullSender() : routeBeforeDelivery(senderText, ownKey: ownKey)
    applyDelivery(to: &route)
    return route
  }

  /// `route(senderText, ownKey:)` before the smtp client's own settings (`applyDelivery`).
  private func routeBeforeDelivery(_ senderText: String, ownKey: OwnKeyPositions?) -> Route {
    var route = Route(
      sender: senderText, outcome: .direct, nexthop: nil, relay: nil, authUser: nil,
      decidedBy: nil, decidedByOrigin: nil, authDecidedBy: nil, authOrigin: nil, tls: tls,
      reason: nil, warnings: [])
    // Split at the last '@' without building Strings: every known domain's route is
    // `@domain`, which is its own only lookup key.
    let utf8 = senderText.utf8
    guard let at = utf8.lastIndex(of: UInt8(ascii: "@")), utf8.index(after: at) != utf8.endIndex else {
      route.outcome = .bounced
      route.reason = "'\(senderText)' is not an address of the form user@domain"
      return route
    }
    // Empty for `@domain`: the sender is its own only key (no array per route).
    let lookupKeys = at == utf8.startIndex ? [] : SenderAddress(senderText)?.lookupKeys ?? []
    let ownKey = lookupKeys.isEmpty ? ownKey : nil

    // 1. The next hop: sender-dependent relay map, then relayhost, then direct (MX).
    // The relay value the route took, if any.
    var taken: ParsedValue?
    if let relayTable {
      guard relayTable.isUsable else { return relayMapUnusable(route, relayTable) }
      if let position = ownKey.map({ Int($0.relay) }) ?? firstPosition(in: relayTable, sender: senderText, keys: lookupKeys),
        position >= 0
      {
        // Fields read in place: a copy of the entry would retain its key's line and value.
        if !relayTable.entries[position].continuationLines.isEmpty {
          route.warnings.append(
            RouteWarning(
              "continuation-line",
              "the next line of relayhost_map starts with whitespace, so Postfix appended it to this entry's value"))
        }
        let decider = Self.decider(
          .relayhostMap, relayTable, position, sender: senderText, foundUnderSender: lookupKeys.isEmpty)
        if let failed = applyRelayEntry(position, of: relayTable, decider: decider, to: &route, taken: &taken) {
          return failed
        }
      }
    }
    if let failed = applyRelayhost(to: &route, taken: &taken) { return failed }

    // 2. The smtp client itself.
    if smtpClientDies {
      return passwordTableMissing(route)
    }

    // 3. Credentials.
    resolveCredentials(
      sender: senderText, keys: lookupKeys, ownKey: ownKey.map { Int($0.sasl) }, hopCredentials: taken?.hopCredentials,
      into: &route)
    if route.outcome == .deferred { return route }
    resolveFallbackCredentials(&route, hopCredentials: taken?.hopCredentials)
    addEncryptDirectWarning(to: &route)
    return route
  }

  /// The user each usable fallback hop is offered (spec §5): Postfix repeats the lookup for
  /// the destination it tries, so a sender key gives every hop the same credentials, and
  /// without one each hop gets its own entry (or none).
  func resolveFallbackCredentials(_ route: inout Route, hopCredentials: Int?) {
    guard route.outcome == .relayed, !route.fallbacks.isEmpty, authEnabled, let saslTable, saslTable.isUsable
    else { return }
    // Credentials that did not come from the first hop's own entry came from a sender key.
    let senderEntry = route.authEntry != nil && route.authEntry != hopCredentials ? route.authEntry : nil
    for index in route.fallbacks.indices where route.fallbacks[index].isUsable {
      guard let entry = senderEntry ?? route.fallbacks[index].hopCredentials else { continue }
      route.fallbacks[index].authEntry = entry
      route.fallbacks[index].authUser = Self.saslUser(saslTable.entries[entry].value)
    }
  }

  /// Takes the relay map entry at `position` for `route`: who decided, the line it came from,
  /// and its value's next hops (a finished route when the first cannot be used; `taken` is
  /// the value otherwise). Every sender and the null sender take their entry here.
  func applyRelayEntry(
    _ position: Int, of relayTable: TexthashTable, decider: Route.Decider, to route: inout Route,
    taken: inout ParsedValue?
  ) -> Route? {
    route.decider = decider
    route.relayEntry = position
    route.decidedByOrigin = origin(relayOrigins, relayTable.entries[position].lineIndex)
    let value = parsedValues[relayTable.entries[position].valueID]
    if let failed = applyNextHop(value, to: &route) { return failed }
    taken = value
    return nil
  }

  /// `encrypt` applies to direct delivery too: said on every direct route (spec §4).
  func addEncryptDirectWarning(to route: inout Route) {
    guard route.outcome == .direct, tls == "encrypt" else { return }
    route.warnings.append(
      RouteWarning(
        "encrypt-direct",
        PostfixFacts.encryptOnDirectRoute(honoursTLSRequiredHeader: state.family.rules.honoursTLSRequiredHeader)))
  }

  /// The SASL user of a `sasl_passwd` value: what precedes the first ':' (all of it without
  /// one), as Postfix splits the bytes.
  static func saslUser(_ value: String) -> String {
    value.utf8.firstIndex(of: UInt8(ascii: ":")).map { String(value[..<$0]) } ?? value
  }

  /// The position in `table` of the first of the sender's lookup keys it has: `keys` as
  /// `SenderAddress.lookupKeys` gives them, or none for `@domain`, its own only key.
  private func firstPosition(in table: TexthashTable, sender: String, keys: [String]) -> Int? {
    if keys.isEmpty { return table.position(of: sender) }
    for key in keys {
      if let position = table.position(of: key) { return position }
    }
    return nil
  }

  /// `keys` as `firstPosition` takes them; `hopCredentials`: the entry keyed to the next hop
  /// the route took, if any.
  private func resolveCredentials(
    sender: String, keys: [String], ownKey: Int?, hopCredentials: Int?, into route: inout Route
  ) {
    guard authEnabled, let saslTable else {
      if route.outcome == .relayed, let table = saslTable, !table.entries.isEmpty {
        route.warnings.append(
          RouteWarning("auth-disabled", "credentials exist but smtp_sasl_auth_enable is not yes: no AUTH is attempted"))
      }
      return
    }
    guard saslTable.isUsable else {
      if route.outcome == .relayed {
        route = saslTableUnusable(route, saslTable)
      }
      if route.outcome == .direct { markDeferredByMXAuth(&route) }
      return
    }
    // Sender keys, then the next hop's host and as written: the first key with an entry
    // decides.
    if senderDependentAuthentication,
      let position = ownKey ?? firstPosition(in: saslTable, sender: sender, keys: keys), position >= 0
    {
      return applyCredentials(saslTable, position, foundUnderSender: keys.isEmpty, to: &route)
    }
    if route.outcome == .relayed, let hopCredentials {
      applyCredentials(saslTable, hopCredentials, foundUnderSender: false, to: &route)
    }
  }

  /// `table:key`: a mark when the key is spelled exactly as the sender, else built in one go
  /// from the key's bytes.
  /// `foundUnderSender`: the entry was looked up with the sender itself as the key.
  private static func decider(
    _ name: Route.Decider.TableName, _ table: TexthashTable, _ position: Int, sender: String,
    foundUnderSender: Bool
  ) -> Route.Decider {
    // Found under the sender, a key and sender both without capitals are spelled alike;
    // only otherwise are the key's bytes read (from its line, elsewhere in memory).
    if foundUnderSender, table.entries[position].keyIsFolded,
      !sender.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
    {
      return .senderKey(in: name)
    }
    let key = table.entries[position].keyBytes
    let table = name
    let isSender = sender.utf8.withContiguousStorageIfAvailable { spelled in
      spelled.count == key.count
        && key.withUnsafeBufferPointer { key in
          key.isEmpty || memcmp(spelled.baseAddress!, key.baseAddress!, key.count) == 0
        }
    }
    if isSender ?? sender.utf8.elementsEqual(key) { return .senderKey(in: table) }
    let prefix = table.rawValue + ":"
    return .text(
      String(unsafeUninitializedCapacity: prefix.utf8.count + key.count) { buffer in
        _ = buffer.initialize(from: prefix.utf8)
        _ = UnsafeMutableBufferPointer(rebasing: buffer[prefix.utf8.count...]).initialize(from: key)
        return buffer.count
      })
  }

  /// Applies the sasl_passwd entry at `position`.
  func applyCredentials(
    _ saslTable: TexthashTable, _ position: Int, foundUnderSender: Bool, to route: inout Route
  ) {
    if route.outcome == .direct {
      return offerToMX(saslTable, position, to: &route)
    }
    let user = Self.saslUser(saslTable.entries[position].value)
    route.authDecider = Self.decider(
      .saslPasswd, saslTable, position, sender: route.sender, foundUnderSender: foundUnderSender)
    route.authEntry = position
    route.authOrigin = origin(saslOrigins, saslTable.entries[position].lineIndex)
    if user.isEmpty {
      route = deferred(
        route, "the credentials for '\(saslTable.entries[position].key)' have an empty user: SASL authentication fails")
      return
    }
    route.authUser = user
  }

  /// The route when `smtp_sasl_auth_enable = yes` has no password table: the smtp client
  /// exits at startup (spec §4, first quirk), so nothing leaves.
  func passwordTableMissing(_ route: Route) -> Route {
    smtpError(
      route,
      "smtp_sasl_auth_enable = yes but no smtp_sasl_password_maps: Postfix's smtp client exits ('specify a password table'), so no outbound mail leaves")
  }

  /// The route when `relayhost_map` has a duplicate key: every lookup fails (spec §5).
  func relayMapUnusable(_ route: Route, _ table: TexthashTable) -> Route {
    let key = table.duplicateKeys.keys.sorted().first ?? ""
    return deferred(
      route,
      "relayhost_map has the key '\(key)' more than once (after Postfix folds case), so every lookup fails with 'address resolver failure'",
      decidedBy: "relayhost_map")
  }

  /// The route when `sasl_passwd` has a duplicate key: the credentials lookup fails.
  func saslTableUnusable(_ route: Route, _ table: TexthashTable) -> Route {
    let key = table.duplicateKeys.keys.sorted().first ?? ""
    return deferred(
      route, "sasl_passwd has the key '\(key)' more than once (after Postfix folds case), so the credentials lookup fails")
  }

  /// `relayhost` for a route no relay map entry decided; returns a finished route when its
  /// value cannot be used, and sets `taken` to the value the route took.
  func applyRelayhost(to route: inout Route, taken: inout ParsedValue?) -> Route? {
    guard route.decider == .none, !relayhost.isEmpty else { return nil }
    route.decidedBy = "relayhost"
    if let failed = applyNextHop(parsedRelayhost, to: &route) { return failed }
    taken = parsedRelayhost
    return nil
  }

  func deferred(_ route: Route, _ reason: String, decidedBy: String? = nil) -> Route {
    var route = route
    route.outcome = .deferred
    route.reason = reason
    if let decidedBy { route.decidedBy = decidedBy }
    return route
  }
}
