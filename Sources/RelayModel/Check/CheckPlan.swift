/// What one live check does for one sender: exactly what Postfix's smtp client would do
/// with this sender's mail on this configuration and DMS version.
///
/// Built from the sender's `Route` (`CheckPlan.make`), so the next hop, the port, the TLS
/// level and the credentials are the ones the preview predicts, not worked out again.
public struct CheckPlan: Sendable, Hashable {
  /// The address sent in `MAIL FROM`.
  public var sender: String
  /// The sender as the preview lists it (`@example.test` for a domain's route).
  public var routeSender: String
  /// The route Postfix takes for `sender`.
  public var route: Route
  /// The next hop as Postfix parses it: host, port, and whether the MX lookup is skipped.
  public var nexthop: NextHop
  /// `host:port` as Postfix logs the relay.
  public var relay: String
  public var tlsLevel: TLSLevel
  /// `smtp_tls_wrappermode = yes`: TLS from the first byte (port 465 style). DMS never
  /// sets it, so a 465 relay is checked the way Postfix talks to it: plain SMTP, waiting for
  /// a greeting that never comes (spec §4).
  public var wrapperMode: Bool
  /// The credentials Postfix sends for this sender, nil for no AUTH.
  public var credentials: CheckCredentials?
  /// `RCPT TO`/`DATA` with one test message only when set (`--send-to`).
  public var sendTo: String?
  public var version: DMSVersion

  public init(
    sender: String, routeSender: String, route: Route, nexthop: NextHop, tlsLevel: TLSLevel,
    wrapperMode: Bool, credentials: CheckCredentials?, sendTo: String?, version: DMSVersion
  ) {
    self.sender = sender
    self.routeSender = routeSender
    self.route = route
    self.nexthop = nexthop
    self.relay = nexthop.relay
    self.tlsLevel = tlsLevel
    self.wrapperMode = wrapperMode
    self.credentials = credentials
    self.sendTo = sendTo
    self.version = version
  }

  /// The SASL mechanisms of Postfix's Cyrus client with DMS's `libsasl2-modules`, best
  /// first as Cyrus ranks them (stronger security properties first; PLAIN, which sends
  /// the credentials with the first command, before LOGIN).
  public static let cyrusMechanisms = [
    "SCRAM-SHA-512", "SCRAM-SHA-384", "SCRAM-SHA-256", "SCRAM-SHA-224", "SCRAM-SHA-1", "DIGEST-MD5",
    "CRAM-MD5", "NTLM", "PLAIN", "LOGIN",
  ]
  /// The mechanisms the live check speaks.
  public static let spokenMechanisms: Set<String> = ["PLAIN", "LOGIN"]

  /// The mechanism Postfix's Cyrus client would pick from a server's `AUTH` list, and
  /// the one this check uses (the same unless Postfix would pick one it does not speak).
  public static func mechanism(offered: [String]) -> (postfix: String?, used: String?) {
    let offered = Set(offered.map { $0.uppercased() })
    let postfix = cyrusMechanisms.first(where: offered.contains)
    let used = cyrusMechanisms.first { offered.contains($0) && spokenMechanisms.contains($0) }
    return (postfix, used)
  }
}
