extension Checks {
  /// How many collisions are named at most: a generated configuration can block thousands
  /// of domains the same way, and the first fifty show the pattern.
  static let maxCollisionsReported = 50

  /// How DMS collects managed domains and maps them to `RELAY_HOST` (spec §3 step 4, §4).
  static func checkDomains(_ c: Context, _ out: inout [Diagnostic]) {
    checkGluedDomains(c, &out)
    checkCollisions(c, &out)
  }

  /// v11–v13 read accounts and virtual as one stream: no final newline glues two domains.
  private static func checkGluedDomains(_ c: Context, _ out: inout [Diagnostic]) {
    guard c.rules.managedDomains == .accountsAndVirtualStream, c.relayHostSet, let accounts = c.configuration.accounts,
      let last = accounts.document.lines.last, !last.hasNewline,
      ManagedDomains.isValidForDomainScan(last.body), let domain = ManagedDomains.accountsDomain(last.body),
      let virtual = c.configuration.virtual,
      let next = virtual.document.lines.first(where: {
        ManagedDomains.isValidForDomainScan($0.body) && ManagedDomains.virtualDomain($0.body) != nil
      }).flatMap({ ManagedDomains.virtualDomain($0.body) })
    else { return }
    let glued = Bytes.string(domain) + Bytes.string(next)
    out.append(
      Diagnostic(
        .domainsGlued, at: c.location(AccountsFile.fileName, accounts.document.lines.count - 1),
        "postfix-accounts.cf has no final newline, so DMS \(c.version.name) reads its last domain and postfix-virtual.cf's first as one: it maps '\(glued)' and neither real domain gets its RELAY_HOST entry from here",
        fix: "end postfix-accounts.cf with a newline"))
  }

  /// A managed domain that gets no generated entry because DMS's grep matched another line:
  /// `\b` stops at dots (v<14) and every `.` in the domain matches any character.
  ///
  /// The generator says which domains a line already in the table covered; those with an
  /// `@domain` key of their own in the admin's relay map (or an opt-out) are fine.
  private static func checkCollisions(_ c: Context, _ out: inout [Diagnostic]) {
    guard let map = c.state.relayhostMap, c.relayHostSet, !c.state.blockedDomains.isEmpty else { return }
    var ownKeys = OwnKeys(c)
    var reported = 0
    for blocked in c.state.blockedDomains where !blocked.bytes.isEmpty {
      if blocked.byOptOut {
        if ownKeys.optsOut(blocked.bytes) { continue }
        guard reported < maxCollisionsReported else { break }
        if let diagnostic = optOutCollision(blocked, c) {
          reported += 1
          out.append(diagnostic)
        }
        continue
      }
      if ownKeys.contains(blocked.bytes) { continue }
      let domain = blocked.domain
      guard reported < maxCollisionsReported else { break }
      let pattern = DomainPattern(domain: blocked.bytes)
      let blocker = map.lines.prefix(blocked.tableLines).firstIndex {
        pattern.matches($0[...], ending: c.rules.domainCheckEnding)
      }
      // No line matches: the domain's entry was glued onto an unterminated line, which
      // `missing-final-newline` reports.
      guard let blocker else { continue }
      let blockerText = "'\(firstWord(map.lines[blocker]))' (\(map.origins[blocker].phrase))"
      let check = c.rules.domainCheck(domain)
      let why = "DMS's check \(check.grep) also matches \(blockerText) — \(check.caveat)"
      reported += 1
      out.append(
        Diagnostic(
          .prefixCollision, at: map.origins[blocker].location,
          "'\(domain)' gets no RELAY_HOST entry: \(why)",
          fix: explicitEntryFix(domain, c)))
    }
  }

  /// The fix for a domain a collision leaves without its `RELAY_HOST` entry: an entry of its own.
  private static func explicitEntryFix(_ domain: String, _ c: Context) -> String {
    let port = c.env["RELAY_PORT"].isEmpty ? "25" : c.env["RELAY_PORT"]
    return "add an explicit entry for it: dms-relay add-domain \(domain) \(c.env["RELAY_HOST"]) \(port)"
  }

  /// A domain opted out by another domain's opt-out line: DMS's opt-out check reads the
  /// domain as a pattern too, so `@a-b` also opts out `a.b`.
  private static func optOutCollision(_ blocked: BlockedDomain, _ c: Context) -> Diagnostic? {
    let pattern = DomainPattern(domain: blocked.bytes)
    for (index, line) in c.relayMapLines.enumerated() {
      let trimmed = Bytes.trimmed(line.body[...])
      guard pattern.matches(trimmed, ending: .endOfLine) else { continue }
      let domain = blocked.domain
      return Diagnostic(
        .prefixCollision, at: c.location(RelayMapFile.fileName, index),
        "'\(domain)' gets no RELAY_HOST entry: DMS's opt-out check grep '^\\s*@\(domain)\\s*$' also matches the opt-out '\(Bytes.string(trimmed))' — each '.' matches any character — so '\(domain)' is opted out too",
        fix: explicitEntryFix(domain, c))
    }
    return nil
  }

  /// Whether the admin's relay map has a line of a domain's own (`@domain` as its key,
  /// exactly) or opts it out. Most blocked domains are blocked by their own entry, which the
  /// generated relay map's table finds in one lookup; only the others need the index of
  /// every line's key, built the first time one is asked about.
  private struct OwnKeys {
    let context: Context
    private var exactKeys: ByteKeyIndex?
    private var optedOut: Set<ArraySlice<UInt8>>?
    /// `@domain` of the domain asked about (one buffer for all).
    private var key: [UInt8] = []

    init(_ context: Context) {
      self.context = context
    }

    mutating func contains(_ domain: ArraySlice<UInt8>) -> Bool {
      key.removeAll(keepingCapacity: true)
      key.append(UInt8(ascii: "@"))
      key.append(contentsOf: domain)
      if let table = context.router.relayTable, let position = table.position(of: key),
        table.entries[position].keyBytes.elementsEqual(key)
      {
        return true
      }
      if exactKeys == nil { exactKeys = Self.relayKeys(context.relayMapLines) }
      return exactKeys?.id(of: domain) != nil || optsOut(domain)
    }

    /// Whether the admin's relay map opts `domain` itself out (`@domain` alone on a line).
    mutating func optsOut(_ domain: ArraySlice<UInt8>) -> Bool {
      if optedOut == nil { optedOut = Self.optOuts(context.relayMapLines) }
      return optedOut?.contains(domain) ?? false
    }

    /// The domains of the relay lines' `@domain` keys.
    private static func relayKeys(_ lines: [Line]) -> ByteKeyIndex {
      var keys = ByteKeyIndex(foldsCase: false, capacity: lines.count)
      for line in lines where RelayMapFile.passesStrictFilter(line.body) {
        let body = line.body
        let start = Bytes.firstNonSpace(body)
        if body[start] == UInt8(ascii: "@") { keys.insert(body[(start + 1)..<Bytes.firstSpace(body, from: start)]) }
      }
      return keys
    }

    /// The domains the opt-out lines name.
    private static func optOuts(_ lines: [Line]) -> Set<ArraySlice<UInt8>> {
      var domains: Set<ArraySlice<UInt8>> = []
      for line in lines where !RelayMapFile.passesStrictFilter(line.body) {
        if case .optOut(let domain) = RelayMapFile.classify(line) { domains.insert(Array(domain.utf8)[...]) }
      }
      return domains
    }
  }
}
