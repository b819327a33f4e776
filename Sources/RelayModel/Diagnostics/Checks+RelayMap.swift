extension Checks {
  /// Line-level quirks of `postfix-relaymap.cf` (spec §4).
  static func checkRelayMapLines(_ c: Context, _ out: inout [Diagnostic]) {
    guard let relayMap = c.configuration.relayMap else { return }
    let file = RelayMapFile.fileName
    let lines = relayMap.document.lines
    let mapIsUsed = c.state.relayhostMap != nil
    var reportedCRLF = false
    var previousEntry: Int?
    var optOuts: [Int] = []
    var quietValues = QuietValues()

    for (index, line) in lines.enumerated() {
      if (!line.isCRLF || reportedCRLF), isQuietRelayLine(line.body, &quietValues, c) {
        previousEntry = index
        continue
      }
      let at = c.location(file, index)
      if line.hasNewline, line.isCRLF, !reportedCRLF, !Bytes.isBlank(line.body) {
        reportedCRLF = true
        out.append(
          Diagnostic(
            .crlfLineEndings, at: at,
            "the file has CRLF line endings: DMS copies each '\\r' into relayhost_map as part of the relay value (Postfix trims it when it reads the table; other tools that read relayhost_map do not)",
            fix: "save postfix-relaymap.cf with LF line endings"))
      }
      switch RelayMapFile.classify(line) {
      case .relay(let key, let value):
        let indented = Bytes.isSpace(line.body.first ?? 0)
        if indented, mapIsUsed, !droppedRelayMapLines(c).contains(index + 1) {
          let above = previousEntry.map { "line \($0 + 1)'s entry" } ?? "the entry above it"
          out.append(
            Diagnostic(
              .continuationLine, at: at,
              "this line starts with whitespace, so Postfix reads it as a continuation of \(above): '\(key)' silently disappears",
              fix: "remove the leading whitespace"))
        }
        checkKey(key, at: at, c, &out)
        checkValue(key: key, value: value, at: at, c, &out)
        previousEntry = index
      case .optOut(let domain):
        optOuts.append(index)
        if domain != domain.lowercased(),
          c.state.managedDomainBytes.contains(where: { $0.elementsEqual(domain.lowercased().utf8) })
        {
          out.append(
            Diagnostic(
              .uppercaseKey, at: at,
              "'@\(domain)' does not opt out '\(domain.lowercased())': DMS compares domains case-sensitively, so '\(domain.lowercased())' still gets a RELAY_HOST entry",
              fix: "write the opt-out as '@\(domain.lowercased())'"))
        }
      case .keyWithoutValue(let key):
        out.append(
          Diagnostic(
            .keyWithoutValue, at: at,
            "'\(key)' has no relay and is not an opt-out (only '@domain' alone opts a domain out): DMS ignores the line",
            fix: "add a relay ('dms-relay add-domain') or write '@domain' to opt a whole domain out"))
      case .comment, .blank:
        break
      }
    }
    if !optOuts.isEmpty, !c.relayHostSet {
      out.append(
        Diagnostic(
          .optOutNeedsRelayHost, at: c.location(file, optOuts[0]),
          "opt-out lines only exclude domains from RELAY_HOST, which is not set: they change nothing",
          fix: "remove them, or set RELAY_HOST if every other domain should use a default relay"))
    }
    if let last = lines.last, !last.hasNewline {
      let glued = !(c.state.relayhostMap?.gluedLines.isEmpty ?? true)
      out.append(
        Diagnostic(
          .missingFinalNewline, glued ? .error : .warning, at: c.location(file, lines.count - 1),
          glued
            ? "the file has no final newline, so DMS glues the first generated entry onto this line and both entries break"
            : "the file has no final newline: as soon as DMS appends a generated entry it is glued onto this line",
          fix: "end the file with a newline"))
    }
  }

  /// True for a relay line none of the checks below reports — not indented, a key with an
  /// '@' and no regex character in its domain, a value whose next hops raise nothing — read
  /// from the bytes: building each line's key and value Strings was most of this check's time
  /// on 50,000 lines.
  private static func isQuietRelayLine(_ body: [UInt8], _ values: inout QuietValues, _ c: Context) -> Bool {
    guard let first = body.first, !Bytes.isSpace(first), first != UInt8(ascii: "#"),
      RelayMapFile.passesStrictFilter(body)
    else { return false }
    let keyEnd = Bytes.firstSpace(body, from: 0)
    guard let at = body[..<keyEnd].lastIndex(of: UInt8(ascii: "@")),
      !body[(at + 1)..<keyEnd].contains(where: DomainPattern.isOtherMetacharacter)
    else { return false }
    return values.isQuiet(Bytes.trimmed(body[keyEnd...]), c)
  }

  /// Whether `checkValue` reports nothing for a value, decided once per distinct value (what
  /// it reports depends on the key only in its wording).
  private struct QuietValues {
    private var index = ByteKeyIndex(foldsCase: false)
    private var quiet: [Bool] = []

    mutating func isQuiet(_ value: ArraySlice<UInt8>, _ c: Context) -> Bool {
      let (id, inserted) = index.insert(value)
      if inserted {
        var reported: [Diagnostic] = []
        checkValue(key: "", value: Bytes.string(value), at: SourceLocation(file: ""), c, &reported)
        quiet.append(reported.isEmpty)
      }
      return quiet[id]
    }
  }

  private static func checkKey(_ key: String, at: SourceLocation, _ c: Context, _ out: inout [Diagnostic]) {
    // `<>` (empty_address_relayhost_maps_lookup_key) is the null sender's key (spec §11).
    if !key.utf8.contains(UInt8(ascii: "@")), key != c.router.emptyAddressLookupKey {
      out.append(
        Diagnostic(
          .keyNotAnAddress, at: at,
          "'\(key)' is not a sender: Postfix looks up 'user@domain' and '@domain', so this line never matches",
          fix: "write the key as '@\(key)' for a whole domain"))
    }
    let domain = SenderAddress(key)?.domain ?? ""
    if domain.utf8.contains(where: DomainPattern.isOtherMetacharacter) {
      out.append(
        Diagnostic(
          .regexCharacterInDomain, at: at,
          "'\(domain)' contains a regular-expression character; DMS's grep interprets it, so the preview may differ",
          fix: "use a plain domain name"))
    }
  }

  private static func checkValue(
    key: String, value: String, at: SourceLocation, _ c: Context, _ out: inout [Diagnostic]
  ) {
    let list = c.router.nextHopList(value)
    switch list.first {
    case .failure(.comment):
      out.append(
        Diagnostic(
          .commentAsRelay, at: at,
          "the relay for '\(key)' is '\(value)': Postfix does not strip comments, so its smtp process dies ('valid hostname or network address required') and other mail is throttled too",
          fix: "put the comment on its own line, or delete the line"))
      return
    case .failure(.invalid(let word, let reason)):
      out.append(
        Diagnostic(
          .unparseableRelay, at: at,
          "the relay '\(word)' for '\(key)' does not parse (\(reason)): Postfix's smtp process dies on it",
          fix: "write the relay as [host]:port, e.g. [smtp.example.com]:587"))
      return
    case .failure(.empty):
      return
    case .success(let hop):
      if let hash = list.words.firstIndex(where: { $0.hasPrefix("#") }) {
        out.append(
          Diagnostic(
            .trailingComment, at: at,
            "'\(list.words[hash...].joined(separator: " "))' is part of the value: Postfix reads it as more next hops, so mail for '\(key)' works only while \(hop.written) answers",
            fix: "move the comment to its own line"))
      }
      if hop.port == 465 {
        out.append(port465(hop.written, at: at))
      }
    }
  }

  static func port465(_ relay: String, at: SourceLocation?) -> Diagnostic {
    Diagnostic(
      .port465, at: at, PostfixFacts.implicitTLSDiagnostic(relay: relay),
      fix: "use the provider's STARTTLS port 587 (or 2525) instead")
  }
}
