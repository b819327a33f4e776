/// One sender domain on the Domains screen: where it was found, what the relay map says
/// about it, its credentials, and where its mail goes on the selected version.
public struct DomainRow: Hashable, Sendable {
  /// What `postfix-relaymap.cf` says about the domain.
  public enum RelayEntry: Hashable, Sendable {
    /// `@domain value` on this 1-based line; `domain` as the key spells it.
    case relay(domain: String, value: String, line: Int)
    /// `@domain` alone. `matchesCase` is false when only another spelling opts out, which DMS
    /// compares case-sensitively and so ignores (spec §4, uppercase keys).
    case optOut(domain: String, line: Int, matchesCase: Bool)
    /// No line: the domain follows `RELAY_HOST`, `DEFAULT_RELAY_HOST` or goes direct.
    case none
  }

  public var name: String
  public var sources: [KnownSenders.Source]
  public var relayEntry: RelayEntry
  /// The SASL user of an `@domain` line in `postfix-sasl-password.cf`.
  public var credentialUser: String?
  public var route: Route
  /// The worst problem for this domain: its route, its lines' diagnostics.
  public var marker: Severity?

  /// True when the relay map has an opt-out line DMS honours for this domain.
  public var isOptOut: Bool {
    if case .optOut(_, _, true) = relayEntry { return true }
    return false
  }

  public var hasRelayEntry: Bool {
    if case .relay = relayEntry { return true }
    return false
  }
}

extension DomainRow {
  /// One row per known domain, in `KnownSenders` order (the preview's first routes).
  static func rows(
    configuration: Configuration, preview: RoutingPreview, diagnosticsByLine: DiagnosticIndex
  ) -> [DomainRow] {
    var relays: [String: (domain: String, value: String, line: Int)] = [:]
    var optOuts: [String: (line: Int, spelling: String)] = [:]
    for (index, kind) in (configuration.relayMap?.kinds ?? []).enumerated() {
      switch kind {
      case .relay(let key, let value) where key.hasPrefix("@"):
        let folded = String(key.dropFirst()).lowercased()
        if relays[folded] == nil { relays[folded] = (String(key.dropFirst()), value, index + 1) }
      case .optOut(let domain):
        let folded = domain.lowercased()
        if optOuts[folded] == nil || optOuts[folded]?.spelling != domain {
          optOuts[folded] = (index + 1, domain)
        }
      default:
        break
      }
    }
    var users: [String: (user: String, line: Int)] = [:]
    for (index, kind) in (configuration.saslPasswords?.kinds ?? []).enumerated() {
      if case .credential(let key, let user, _) = kind, key.hasPrefix("@") {
        let folded = String(key.dropFirst()).lowercased()
        if users[folded] == nil { users[folded] = (user, index + 1) }
      }
    }
    let domains = preview.senders.domains
    var rows: [DomainRow] = []
    rows.reserveCapacity(domains.count)
    for (index, domain) in domains.enumerated() {
      let folded = domain.name.lowercased()
      var entry = RelayEntry.none
      var lines: [SourceLocation] = []
      if let relay = relays[folded] {
        entry = .relay(domain: relay.domain, value: relay.value, line: relay.line)
        lines.append(SourceLocation(file: RelayMapFile.fileName, line: relay.line))
      } else if let optOut = optOuts[folded] {
        entry = .optOut(
          domain: optOut.spelling, line: optOut.line, matchesCase: optOut.spelling == domain.name)
        lines.append(SourceLocation(file: RelayMapFile.fileName, line: optOut.line))
      }
      let credential = users[folded]
      if let credential { lines.append(SourceLocation(file: SaslPasswordFile.fileName, line: credential.line)) }
      let route = preview.routes[index]
      var marker: Severity?
      switch route.outcome {
      case .deferred, .bounced, .error: marker = .error
      case .relayed, .direct: marker = route.warnings.isEmpty ? nil : .warning
      }
      for line in lines {
        for diagnostic in diagnosticsByLine[line] {
          marker = min(marker ?? .info, diagnostic.severity)
        }
      }
      rows.append(
        DomainRow(
          name: domain.name, sources: domain.sources.sorted(), relayEntry: entry,
          credentialUser: credential?.user, route: route, marker: marker))
    }
    return rows
  }
}
