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
  public var decidedBy: String? {
    get { decider.text(sender: sender) }
    set { decider = Decider(newValue) }
  }
  /// Where the deciding relay line came from (the admin's file line, or generated).
  public var decidedByOrigin: LineOrigin?
  /// `sasl_passwd:<key>` that supplied the credentials.
  public var authDecidedBy: String? {
    get { authDecider.text(sender: sender) }
    set { authDecider = Decider(newValue) }
  }
  public var authOrigin: LineOrigin?
  /// `smtp_tls_security_level` in force (`encrypt` or `may`).
  public var tls: String
  /// Why mail is deferred or bounced, in plain words.
  public var reason: String?
  public var warnings: [RouteWarning]
  /// The next hops after the first in the relay value, tried only when it fails (spec §5).
  public var fallbacks: [FallbackHop] = []
  /// Direct mail only: the SASL user Postfix offers to a recipient MX that advertises AUTH
  /// (a sender-dependent credential, spec §11). The prediction stays `direct`.
  public var mxAuthUser: String? = nil
  /// Direct mail only: the credentials table is unusable, so an MX that advertises AUTH
  /// makes Postfix defer the message (spec §11).
  public var deferredByMXAuth = false
  /// The `saslTable` entry behind `mxAuthUser`.
  public internal(set) var mxAuthEntry: Int? = nil
  /// The entry of the router's `relayTable` that decided the next hop (its position in
  /// `entries`), or nil when `relayhost` or nothing did: provenance as a value, which
  /// `decidedBy` and `decidedByOrigin` only spell out.
  public internal(set) var relayEntry: Int? = nil
  /// The entry of the router's `saslTable` the credentials came from, or nil: what the
  /// planner and the unused-credentials check read instead of parsing `authDecidedBy`.
  public internal(set) var authEntry: Int? = nil
  /// Why this route cannot be previewed (spec §8: a table or transport the tool cannot
  /// read, named), or nil; `outcome` is then only what the readable settings give.
  public internal(set) var unpreviewable: String? = nil
  var decider: Decider = .none
  var authDecider: Decider = .none
  /// The envelope sender postsrsd rewrote `sender` to before the relay lookup (spec §9), or
  /// nil when SRS left it alone; the route is the rewritten address's.
  public internal(set) var rewrittenSender: String? = nil

  init(
    sender: String, outcome: RouteOutcome, nexthop: String?, relay: String?, authUser: String?,
    decidedBy: String?, decidedByOrigin: LineOrigin?, authDecidedBy: String?, authOrigin: LineOrigin?,
    tls: String, reason: String?, warnings: [RouteWarning]
  ) {
    self.sender = sender
    self.outcome = outcome
    self.nexthop = nexthop
    self.relay = relay
    self.authUser = authUser
    self.decider = Decider(decidedBy)
    self.decidedByOrigin = decidedByOrigin
    self.authDecider = Decider(authDecidedBy)
    self.authOrigin = authOrigin
    self.tls = tls
    self.reason = reason
    self.warnings = warnings
  }

  /// `decidedBy` and `authDecidedBy` as stored. Most routes are decided by the sender's own
  /// table key (`relayhost_map:@example.test` for `@example.test`), which is kept as a mark
  /// instead of a second String per route (100,000 routes).
  enum Decider: Hashable, Sendable {
    case none
    case text(String)
    /// `table` + `:` + the route's sender.
    case senderKey(in: TableName)

    enum TableName: String, Sendable {
      case relayhostMap = "relayhost_map"
      case saslPasswd = "sasl_passwd"
    }

    init(_ text: String?) {
      self = text.map(Decider.text) ?? .none
    }

    func text(sender: String) -> String? {
      switch self {
      case .none: return nil
      case .text(let text): return text
      case .senderKey(let table): return table.rawValue + ":" + sender
      }
    }
  }

  public static func == (lhs: Route, rhs: Route) -> Bool {
    lhs.sender == rhs.sender && lhs.outcome == rhs.outcome && lhs.nexthop == rhs.nexthop
      && lhs.relay == rhs.relay && lhs.authUser == rhs.authUser && lhs.decidedBy == rhs.decidedBy
      && lhs.decidedByOrigin == rhs.decidedByOrigin && lhs.authDecidedBy == rhs.authDecidedBy
      && lhs.authOrigin == rhs.authOrigin && lhs.tls == rhs.tls && lhs.reason == rhs.reason
      && lhs.warnings == rhs.warnings && lhs.relayEntry == rhs.relayEntry && lhs.authEntry == rhs.authEntry
      && lhs.rewrittenSender == rhs.rewrittenSender
      && lhs.fallbacks == rhs.fallbacks && lhs.mxAuthUser == rhs.mxAuthUser
      && lhs.deferredByMXAuth == rhs.deferredByMXAuth && lhs.mxAuthEntry == rhs.mxAuthEntry
      && lhs.unpreviewable == rhs.unpreviewable
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(sender)
    hasher.combine(outcome)
    hasher.combine(nexthop)
    hasher.combine(decidedBy)
    hasher.combine(authDecidedBy)
  }
}
