/// Every sender domain (and sender address with its own table entry) the configuration
/// knows about, with where each was found. The Domains screen and `preview` list these.
public struct KnownSenders: Sendable {
  public enum Source: String, Sendable, Codable, CaseIterable, Comparable {
    case accounts, aliases, relayMap = "relay-map", credentials, ldap

    public static func < (lhs: Self, rhs: Self) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  public struct Domain: Sendable, Hashable {
    /// As first spelled in the files.
    public var name: String
    /// One bit per `Source` (cheaper than a Set for 100,000 domains).
    var sourceBits: UInt8

    public var sources: Set<Source> {
      Set(Source.allCases.filter { sourceBits & Self.bit($0) != 0 })
    }

    static func bit(_ source: Source) -> UInt8 {
      switch source {
      case .accounts: return 1
      case .aliases: return 2
      case .relayMap: return 4
      case .credentials: return 8
      case .ldap: return 16
      }
    }
  }

  /// Domains in first-seen order, unique ignoring case (Postfix folds case).
  public private(set) var domains: [Domain] = []
  /// `user@domain` keys of the relay map or credentials file (they route individually).
  public private(set) var addresses: [String] = []
  private var indexByFolded: [String: Int] = [:]
  private var seenAddresses: Set<String> = []

  public init(_ config: Configuration) {
    for line in config.accounts?.document.lines ?? [] {
      // `user@domain|hash`: the domain is after the last '@' before the first '|'.
      let body = line.content
      guard !Bytes.isComment(body), let bar = body.firstIndex(of: UInt8(ascii: "|")),
        let at = body[..<bar].lastIndex(of: UInt8(ascii: "@"))
      else { continue }
      add(Bytes.string(Bytes.trimmed(body[(at + 1)..<bar])), .accounts)
    }
    for kind in config.virtual?.kinds ?? [] {
      if case .alias(let key, _) = kind, let sender = SenderAddress(key) { add(sender.domain, .aliases) }
    }
    for kind in config.relayMap?.kinds ?? [] {
      switch kind {
      case .relay(let key, _), .keyWithoutValue(let key): addKey(key, .relayMap)
      case .optOut(let domain): add(domain, .relayMap)
      default: break
      }
    }
    for kind in config.saslPasswords?.kinds ?? [] {
      switch kind {
      case .credential(let key, _, _), .credentialWithoutColon(let key, _): addKey(key, .credentials)
      default: break
      }
    }
    let env = config.environment
    if env["ACCOUNT_PROVISIONER"] == "LDAP", let domain = env.derivedDomainName { add(domain, .ldap) }
  }

  private mutating func addKey(_ key: String, _ source: Source) {
    guard let sender = SenderAddress(key) else { return }
    add(sender.domain, source)
    if !sender.localPart.isEmpty {
      let folded = key.lowercased()
      if seenAddresses.insert(folded).inserted { addresses.append(key) }
    }
  }

  private mutating func add(_ domain: String, _ source: Source) {
    guard !domain.isEmpty, !domain.utf8.contains(where: Bytes.isSpace) else { return }
    let folded = TexthashTable.fold(domain)
    let bit = Domain.bit(source)
    if let index = indexByFolded[folded] {
      domains[index].sourceBits |= bit
    } else {
      indexByFolded[folded] = domains.count
      domains.append(Domain(name: domain, sourceBits: bit))
    }
  }

  /// The domain entry for `name`, ignoring case.
  public func domain(named name: String) -> Domain? {
    indexByFolded[name.lowercased()].map { domains[$0] }
  }
}
