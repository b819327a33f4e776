/// What Postfix does with a message from one sender to a remote recipient.
public enum RouteOutcome: String, Sendable, Codable, CaseIterable {
  /// Handed to a relay host.
  case relayed
  /// Delivered straight to the recipient domain's MX hosts.
  case direct
  /// Kept in the queue and retried (and eventually bounced) — nothing leaves.
  case deferred
  /// Returned to the sender at once.
  case bounced
}

/// A warning attached to one route, with a stable code for tests and JSON.
public struct RouteWarning: Hashable, Sendable, Codable {
  public var code: String
  public var message: String

  public init(_ code: String, _ message: String) {
    self.code = code
    self.message = message
  }
}

/// The predicted route of one sender address (what `route` prints).
public struct Route: Hashable, Sendable {
  public var sender: String
  public var outcome: RouteOutcome
  /// The next hop as written in the table or `main.cf` (nil for direct delivery).
  public var nexthop: String?
  /// `host:port` as Postfix logs the relay, brackets removed; nil when not relayed.
  public var relay: String?
  /// The SASL user Postfix will authenticate as, or nil for no AUTH.
  public var authUser: String?
  /// `relayhost_map:<key>`, `relayhost`, or nil (direct: no entry and no `relayhost`).
  public var decidedBy: String?
  /// Where the deciding relay line came from (the admin's file line, or generated).
  public var decidedByOrigin: LineOrigin?
  /// `sasl_passwd:<key>` that supplied the credentials.
  public var authDecidedBy: String?
  public var authOrigin: LineOrigin?
  /// `smtp_tls_security_level` in force (`encrypt` or `may`).
  public var tls: String
  /// Why mail is deferred or bounced, in plain words.
  public var reason: String?
  public var warnings: [RouteWarning]
  /// The parsed first next hop when relayed.
  public var hop: NextHop? = nil
  /// The position in the router's `saslTable.entries` of the credentials used.
  var authEntry: Int? = nil

  public var summary: String {
    switch outcome {
    case .relayed:
      let auth = authUser.map { " as \($0)" } ?? " (no AUTH)"
      return "relayed via \(nexthop ?? "?")\(auth)"
    case .direct: return "direct to the recipient's MX"
    case .deferred: return "deferred: \(reason ?? "")"
    case .bounced: return "bounced: \(reason ?? "")"
    }
  }
}
