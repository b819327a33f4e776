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
    /// `@` and the domain as first spelled in the files: the sender address its route is
    /// predicted for (one String for both, 100,000 times).
    public var sender: String
    /// As first spelled in the files.
    public var name: String { String(sender.utf8.dropFirst())! }
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
  /// Folded domain → position in `domains` (the ID is the position).
  private var indexByFolded: ByteKeyIndex
  private var seenAddresses: Set<String> = []

  public init(_ config: Configuration) {
    // Most domains come from the accounts file: growing the index 100,000 times costs more.
    indexByFolded = ByteKeyIndex(foldsCase: true, capacity: config.accounts?.document.lines.count ?? 0)
    domains.reserveCapacity(config.accounts?.document.lines.count ?? 0)
    for line in config.accounts?.document.lines ?? [] {
      // `user@domain|hash`: the domain is after the last '@' before the first '|'.
      let body = line.content
      guard !Bytes.isComment(body), let bar = body.firstIndex(of: UInt8(ascii: "|")),
        let at = body[..<bar].lastIndex(of: UInt8(ascii: "@"))
      else { continue }
      add(Bytes.trimmed(body[(at + 1)..<bar]), .accounts)
    }
    for kind in config.virtual?.kinds ?? [] {
      if case .alias(let key, _) = kind, let sender = SenderAddress(key) { add(sender.domain, .aliases) }
    }
    for line in config.relayMap?.document.lines ?? [] { addRelayMapLine(line.body) }
    for line in config.saslPasswords?.document.lines ?? [] { addCredentialsLine(line.body) }
    let env = config.environment
    if env["ACCOUNT_PROVISIONER"] == "LDAP", let domain = env.derivedDomainName { add(domain, .ldap) }
  }

  /// What `RelayMapFile.classify` yields, read from the bytes: only the key is needed, and
  /// building every line's key and value Strings was most of this initializer's time.
  private mutating func addRelayMapLine(_ body: [UInt8]) {
    guard !Bytes.isBlank(body), !Bytes.isComment(body) else { return }
    let key = Self.keyRange(body)
    // Not a relay line and `@domain` alone: an opt-out (rare, so the String path is fine).
    if !RelayMapFile.passesStrictFilter(body), case .optOut(let domain) = RelayMapFile.classify(Line(body: body)) {
      return add(domain, .relayMap)
    }
    addKey(body[key], .relayMap)
  }

  /// What `SaslPasswordFile.classify` yields for a credential (a key with a value), from the bytes.
  private mutating func addCredentialsLine(_ body: [UInt8]) {
    guard !Bytes.isBlank(body), !Bytes.isComment(body) else { return }
    let key = Self.keyRange(body)
    guard Bytes.firstNonSpace(body, from: key.upperBound) < body.count else { return }  // no value
    addKey(body[key], .credentials)
  }

  /// `KeyValueLine(body).key` as a range of `body`.
  private static func keyRange(_ body: [UInt8]) -> Range<Int> {
    let start = Bytes.firstNonSpace(body)
    return start..<Bytes.firstSpace(body, from: start)
  }

  /// A table key's domain, and the key itself when it has a local part (`user@domain` routes
  /// individually). Splits like `SenderAddress`, at the last `@` (never inside a UTF-8 sequence).
  private mutating func addKey(_ key: ArraySlice<UInt8>, _ source: Source) {
    guard let at = key.lastIndex(of: UInt8(ascii: "@")), at + 1 < key.endIndex else { return }
    add(key[(at + 1)...], source)
    if at > key.startIndex { addAddress(Bytes.string(key)) }
  }

  private mutating func addAddress(_ key: String) {
    if seenAddresses.insert(key.lowercased()).inserted { addresses.append(key) }
  }

  private mutating func add(_ domain: String, _ source: Source) {
    add(Array(domain.utf8)[...], source)
  }

  /// Registers `domain` (a String is built only the first time it is seen, in any case).
  private mutating func add(_ domain: ArraySlice<UInt8>, _ source: Source) {
    guard !domain.isEmpty, !domain.contains(where: Bytes.isSpace) else { return }
    let bit = Domain.bit(source)
    let (index, inserted) = indexByFolded.insert(domain)
    if inserted {
      domains.append(Domain(sender: Self.sender(domain), sourceBits: bit))
    } else {
      domains[index].sourceBits |= bit
    }
  }

  /// `@` + `domain`, in one allocation.
  private static func sender(_ domain: ArraySlice<UInt8>) -> String {
    String(unsafeUninitializedCapacity: domain.count + 1) { buffer in
      buffer[0] = UInt8(ascii: "@")
      _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: domain)
      return buffer.count
    }
  }

  /// The domain entry for `name`, ignoring case.
  public func domain(named name: String) -> Domain? {
    indexByFolded.id(of: name).map { domains[$0] }
  }
}
