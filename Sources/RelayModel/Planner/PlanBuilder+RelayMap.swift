/// The relay map lines a plan adds, removes or opts out (spec §3 step 4, §4).
extension PlanBuilder {
  /// Where `domain` goes without a line of its own: `RELAY_HOST` for a managed domain
  /// that is not opted out, else `DEFAULT_RELAY_HOST`, else direct.
  func naturalRelay(_ domain: String, spelling: String) -> Relay? {
    if let anchor, managedSpellings(domain).contains(spelling), !optOuts(domain).contains(spelling) {
      return anchor
    }
    return defaultRelay
  }

  static func firstHop(_ value: String) -> NextHop? {
    guard case .success(let hop) = NextHopList(value).first else { return nil }
    return hop
  }

  static func hop(_ hop: NextHop?, isAt relay: Relay) -> Bool {
    guard let hop else { return false }
    return hop.skipsMXLookup && hop.host.lowercased() == relay.host.lowercased() && hop.port == relay.port
  }

  /// Removes the relay map lines keyed `@domain` in a spelling other than `keep` (a key
  /// Postfix folds into a duplicate), and opt-outs of other spellings unless they are
  /// spellings DMS manages and must stay opted out (`keepingOptOuts`).
  mutating func removeOtherSpellings(
    _ domain: String, keeping keep: String, keepingOptOuts: [String] = []
  ) throws(PlanError) {
    for key in unique(relayLines(domain).map(\.key)) where key != "@\(keep)" {
      try add(
        .edit(.delDomain(domain: String(key.dropFirst()))),
        "'\(key)' differs from '@\(keep)' only in letter case: DMS treats them as two keys, Postfix as one duplicate key")
    }
    for name in unique(optOuts(domain)) where name != keep && !keepingOptOuts.contains(name) {
      try add(
        .edit(.includeDomain(domain: name)),
        "the opt-out '@\(name)' differs from '@\(keep)' only in letter case and does not opt it out")
    }
  }

  /// Adds a relay map edit; where DMS manages the domain in several spellings (so the file
  /// must hold more than one), writes it in its exact case instead of refusing.
  mutating func addKeyed(_ edit: RelayEdit, _ reason: String) throws(PlanError) {
    var probe = configuration
    do {
      _ = try PlanStep(.edit(edit), reason: reason).apply(to: &probe)
    } catch {
      if case .keySpelledDifferently = error, let domain = edit.domain,
        managedSpellings(domain.lowercased()).count > 1
      {
        try add(.editExactCase(edit), reason + " (DMS manages this domain in several spellings)")
        return
      }
      throw .cannotApply(error)
    }
    try add(.edit(edit), reason)
  }

  mutating func planRelayMap() throws(PlanError) {
    for domain in domains {
      let key = spelling(domain)
      guard isValidDomain(key) else { continue }
      let managed = managedSpellings(domain).filter(isValidDomain)
      // With RELAY_HOST each managed spelling gets its own generated line: one may stay.
      let extraSpellings = anchor == nil ? [] : managed.filter { $0 != key }
      switch intent.destination(for: domain) {
      case .relay(let relay):
        try removeOtherSpellings(domain, keeping: key, keepingOptOuts: extraSpellings)
        let own = relayLines(domain).filter { $0.key == "@\(key)" }
        let ownIsRight = own.count == 1 && Self.hop(Self.firstHop(own[0].value), isAt: relay)
        if !ownIsRight {
          var covered = false
          if own.isEmpty, !explicitDomains.contains(domain) {
            if let natural = naturalRelay(domain, spelling: key), natural.hasSameNextHop(as: relay) {
              covered = true
            } else if let anchor, anchor.hasSameNextHop(as: relay), managed.contains(key),
              optOuts(domain).contains(key)
            {
              try add(
                .edit(.includeDomain(domain: key)),
                "'@\(key)' is opted out of RELAY_HOST, which is where it should go")
              covered = true
            }
          }
          if !covered, !own.isEmpty, !explicitDomains.contains(domain) {
            // Without its line the domain would go the right way (DEFAULT_RELAY_HOST or
            // RELAY_HOST): removing the line beats writing a second copy of the default.
            var probe = self
            try probe.add(.edit(.delDomain(domain: key)), "")
            if let natural = probe.naturalRelay(domain, spelling: key), natural.hasSameNextHop(as: relay) {
              try add(
                .edit(.delDomain(domain: key)),
                "this line sends @\(key) to '\(own[0].value)'; without it, it goes via \(relay.nextHop) like the other domains")
              covered = true
            }
          }
          if !covered {
            let why =
              own.isEmpty
              ? "mail from @\(key) goes via \(relay.nextHop)"
              : "mail from @\(key) goes via \(relay.nextHop) (the line said '\(own[0].value)')"
            try addKeyed(.addDomain(domain: key, host: relay.host, port: relay.port), why)
          }
        }
        for name in extraSpellings where !optOuts(domain).contains(name) {
          try addKeyed(
            .excludeDomain(domain: name),
            "DMS also manages @\(domain) spelled '\(name)'; opted out, so DMS does not add a second key Postfix would refuse as a duplicate")
        }
      case .direct:
        for line in unique(relayLines(domain).map(\.key)) {
          try add(
            .edit(.delDomain(domain: String(line.dropFirst()))),
            "mail from @\(domain) goes direct; this line sends it to a relay")
        }
        if anchor != nil {
          try removeOtherSpellings(domain, keeping: key, keepingOptOuts: managed)
          for name in managed where !optOuts(domain).contains(name) {
            try addKeyed(
              .excludeDomain(domain: name),
              "DMS maps every managed domain to RELAY_HOST unless it is opted out; @\(name) goes direct")
          }
        }
      }
    }
  }

  /// With `RELAY_HOST`, DMS appends generated lines after the relay map's last line.
  mutating func planFinalNewline() throws(PlanError) {
    guard anchor != nil, let document = configuration.relayMap?.document, !document.hasFinalNewline else { return }
    try add(
      .addFinalNewline(file: .relayMap),
      "DMS appends its generated lines right after the last line, which has no newline: the first would be glued onto it")
  }

  /// Repeated keys left in the admin's files (after the domain passes): Postfix refuses the
  /// whole table, so the first line stays and the repeats go.
  mutating func planDuplicateKeys() throws(PlanError) {
    let files: [(RelayEdit.Target, TextDocument?)] = [
      (.relayMap, configuration.relayMap?.document), (.saslPasswords, configuration.saslPasswords?.document),
    ]
    for (target, document) in files {
      guard let document else { continue }
      // Read as Postfix reads the table: its repeated keys, each with the lines it is on.
      let table = TexthashTable(lines: document.lines.map(\.body))
      let order = table.duplicateKeys.values.map { $0[0] }.sorted().map { KeyValueLine(document.lines[$0].body).key }
      for key in order {
        try add(
          .removeDuplicateKeys(file: target, key: key),
          "Postfix refuses a table with a repeated key ('\(key)'), so every lookup in it would fail; the first line stays")
      }
    }
  }
}
