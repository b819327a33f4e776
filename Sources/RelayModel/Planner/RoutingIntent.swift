/// SASL credentials for a relay. The password never appears in `description` or a mirror,
/// so a failing test or a log line cannot leak it.
public struct RelayCredentials: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
  public var user: String
  public var password: String

  public init(user: String, password: String) {
    self.user = user
    self.password = password
  }

  /// `user:password`, as Postfix reads the value of a `sasl_passwd` entry.
  public var tableValue: String { "\(user):\(password)" }

  public var description: String { "user '\(user)'" }
  public var customMirror: Mirror { Mirror(self, children: ["user": user, "password": Redaction.placeholder]) }
}

/// A relay an admin wants mail handed to: host, port and (usually) credentials.
///
/// Written as DMS writes it, `[host]:port` (brackets: no MX lookup). Hosts compare without
/// regard to letter case, as DNS does.
public struct Relay: Hashable, Sendable, CustomStringConvertible {
  public var host: String
  public var port: Int
  public var credentials: RelayCredentials?

  public init(host: String, port: Int = 587, credentials: RelayCredentials? = nil) {
    self.host = host
    self.port = port
    self.credentials = credentials
  }

  /// `[host]:port`, the next hop `setup relay add-domain` writes.
  public var nextHop: String { RelayEdit.nextHop(host: host, port: port) }

  /// Same host (ignoring case) and port; credentials not compared.
  public func hasSameNextHop(as other: Relay) -> Bool {
    host.lowercased() == other.host.lowercased() && port == other.port
  }

  public var description: String {
    credentials.map { "\(nextHop) as '\($0.user)'" } ?? "\(nextHop) without AUTH"
  }
}

/// What the admin wants: a destination per sender domain, and one for every other domain.
///
/// Admins think in intents ("a.test and b.test through SendGrid, everything else direct");
/// `Planner` turns one into the files and env DMS of a given version needs. A wizard can
/// build the intent step by step:
///
/// ```swift
/// var intent = RoutingIntent()                       // everything direct
/// intent.set("a.test", to: .relay(sendgrid))
/// intent.otherDomains = .relay(sendgrid)             // "all mail through one relay"
/// ```
public struct RoutingIntent: Hashable, Sendable {
  /// Where mail from a sender domain should go.
  public enum Destination: Hashable, Sendable, CustomStringConvertible {
    /// Straight to the recipient domain's MX hosts.
    case direct
    case relay(Relay)

    public var relay: Relay? {
      if case .relay(let relay) = self { return relay }
      return nil
    }

    public var description: String {
      switch self {
      case .direct: return "direct"
      case .relay(let relay): return "via \(relay)"
      }
    }
  }

  public struct DomainIntent: Hashable, Sendable {
    /// Lower case: Postfix and DNS compare domains without regard to case.
    public var domain: String
    public var destination: Destination

    public init(domain: String, destination: Destination) {
      self.domain = domain.lowercased()
      self.destination = destination
    }
  }

  /// Domains in the order the admin named them.
  public private(set) var domains: [DomainIntent]
  /// Every sender domain not listed, including domains DMS does not know.
  public var otherDomains: Destination

  public init(domains: [DomainIntent] = [], otherDomains: Destination = .direct) {
    self.domains = []
    self.otherDomains = otherDomains
    for item in domains { set(item.domain, to: item.destination) }
  }

  /// "Only these domains through `relay`, everything else direct."
  public static func only(_ domains: [String], through relay: Relay) -> RoutingIntent {
    RoutingIntent(domains: domains.map { DomainIntent(domain: $0, destination: .relay(relay)) })
  }

  /// "All mail through `relay`."
  public static func everything(through relay: Relay) -> RoutingIntent {
    RoutingIntent(otherDomains: .relay(relay))
  }

  /// Sets (or replaces) the destination of one domain.
  public mutating func set(_ domain: String, to destination: Destination) {
    let key = domain.lowercased()
    if let index = domains.firstIndex(where: { $0.domain == key }) {
      domains[index].destination = destination
    } else {
      domains.append(DomainIntent(domain: key, destination: destination))
    }
  }

  /// Removes a domain, which then follows `otherDomains`.
  public mutating func remove(_ domain: String) {
    domains.removeAll { $0.domain == domain.lowercased() }
  }

  /// The destination wanted for mail from `domain`.
  public func destination(for domain: String) -> Destination {
    let key = domain.lowercased()
    return domains.first { $0.domain == key }?.destination ?? otherDomains
  }

  /// Every relay the intent names, first use first, without duplicates.
  public var relays: [Relay] {
    var result: [Relay] = []
    for destination in domains.map(\.destination) + [otherDomains] {
      if let relay = destination.relay, !result.contains(relay) { result.append(relay) }
    }
    return result
  }
}
