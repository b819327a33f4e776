extension Checks {
  /// How DMS collects managed domains and maps them to `RELAY_HOST` (spec §3 step 4, §4).
  static func checkDomains(_ c: Context, _ out: inout [Diagnostic]) {
    checkGluedDomains(c, &out)
    checkCollisions(c, &out)
  }

  /// v11–v13 read accounts and virtual as one stream: no final newline glues two domains.
  private static func checkGluedDomains(_ c: Context, _ out: inout [Diagnostic]) {
    guard c.isLegacy, c.relayHostSet, let accounts = c.configuration.accounts,
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
  private static func checkCollisions(_ c: Context, _ out: inout [Diagnostic]) {
    guard let map = c.state.relayhostMap, c.relayHostSet else { return }
    // Domains that got their own generated line are fine; for the others, an exact
    // `@domain` key among the admin's relay map lines (or an opt-out) explains it.
    var generated: Set<String> = []
    for origin in map.origins {
      if case .generatedForDomain(let domain) = origin { generated.insert(domain) }
    }
    var exactKeys: Set<String> = []
    var optedOut: Set<String> = []
    for kind in c.configuration.relayMap?.kinds ?? [] {
      switch kind {
      case .relay(let key, _): exactKeys.insert(key)
      case .optOut(let domain): optedOut.insert(domain)
      default: break
      }
    }
    var reported = 0
    for domain in c.state.managedDomains where !domain.isEmpty {
      if generated.contains(domain) || optedOut.contains(domain) || exactKeys.contains("@" + domain) { continue }
      guard reported < 50 else { break }
      let pattern = DomainPattern(domain: Array(domain.utf8)[...])
      let ending: LinePrefixIndex.Ending = c.isLegacy ? .wordBoundary : .whitespace
      var index = LinePrefixIndex(depthLimit: domain.utf8.count + 3)
      var blocker: Int?
      for (i, line) in map.lines.enumerated() {
        index.insert(line)
        if index.matches(pattern, ending: ending) {
          blocker = i
          break
        }
        index.remove(line)
      }
      // No line matches: the domain's entry was glued onto an unterminated line, which
      // `missing-final-newline` reports.
      guard blocker != nil else { continue }
      let blockerText = blocker.map { "'\(firstWord(map.lines[$0]))' (\(describe(map.origins[$0], map.lines[$0])))" }
      let location = blocker.flatMap { map.origins[$0].location }
      let why =
        c.isLegacy
        ? "DMS's check grep '^@\(domain)\\b' also matches \(blockerText ?? "another line") — '\\b' stops at a dot or hyphen and each '.' matches any character"
        : "DMS's check grep -E '^@\(domain)\\s+' also matches \(blockerText ?? "another line") — each '.' matches any character"
      reported += 1
      out.append(
        Diagnostic(
          .prefixCollision, at: location,
          "'\(domain)' gets no RELAY_HOST entry: \(why)",
          fix: "add an explicit entry for it: dms-relay add-domain \(domain) \(c.env["RELAY_HOST"]) \(c.env["RELAY_PORT"].isEmpty ? "25" : c.env["RELAY_PORT"])"))
    }
  }
}
