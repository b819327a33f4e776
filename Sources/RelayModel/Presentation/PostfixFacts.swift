/// The DMS and Postfix facts the tool explains again and again, each worded here once: a
/// route's reason, a diagnostic, a planner refusal, a screen's note and a form's problem
/// say the same fact in their own sentence, built from these.
public enum PostfixFacts {
  // MARK: RELAY_HOST without credentials (spec §4; issue 14 fix 3)

  /// What `compare` still asks for when the target version relays senders without AUTH.
  public static func unauthenticatedAfterUpgrade(_ senders: [String]) -> (message: String, fix: String) {
    let shown = senders.prefix(3).joined(separator: ", ") + (senders.count > 3 ? ", …" : "")
    return (
      "credentials: \(senders.count) sender(s) are relayed without AUTH (\(shown)); a relay that requires AUTH refuses their mail",
      "dms-relay add-auth DOMAIN USER, or RELAY_USER and RELAY_PASSWORD"
    )
  }

  /// The fix for a setup without credentials: an upgrade only stops the smtp client from
  /// exiting, the relays then get mail without AUTH and refuse it, so the advice names the
  /// credentials as needed after the upgrade too.
  static func credentialsStillNeeded(_ fix: String, upgrade: String?) -> String {
    guard let upgrade else { return fix }
    return
      "\(fix); to \(upgrade) alone is not enough: there the smtp client no longer exits, but the relays get the mail without AUTH and one that requires it refuses it"
  }

  // MARK: Port 465 (spec §4)

  /// What is wrong with port 465, as a clause after "port 465".
  static let implicitTLS = "expects TLS from the first byte (smtp_tls_wrappermode = yes), which DMS never sets"

  /// Why a route through port 465 is deferred.
  static let implicitTLSRouteReason = "port 465 \(implicitTLS): the connection times out"

  /// Why the planner refuses a relay on port 465 of `host`.
  static func implicitTLSRefusal(host: String) -> String {
    "port 465 of '\(host)' \(implicitTLS): Postfix would time out and defer the mail. Use the relay's STARTTLS port, usually 587 (or 2525)"
  }

  /// The `port-465` diagnostic's message for `relay`.
  static func implicitTLSDiagnostic(relay: String) -> String {
    "\(relay) uses port 465 (TLS from the first byte), but DMS never sets smtp_tls_wrappermode = yes: Postfix speaks plain SMTP there and the delivery times out"
  }

  /// The note on a relay row using port 465.
  public static let implicitTLSRowNote =
    "port 465 is implicit TLS, which needs smtp_tls_wrappermode = yes; DMS never sets it, so the connection times out. Use 587"

  /// A port field holding 465, when `port` is the provider's STARTTLS port.
  public static func implicitTLSFieldProblem(startTLSPort port: Int) -> String {
    "465 is implicit TLS, which DMS never configures (smtp_tls_wrappermode): Postfix would time out and defer all relayed mail. Use \(port) (STARTTLS)"
  }

  // MARK: smtp_tls_security_level = encrypt (spec §4)

  /// What `encrypt` covers.
  static let encryptScope = "required for every outbound connection"

  /// The warning on a direct route while `encrypt` is in force.
  static let encryptOnDirectRoute =
    "smtp_tls_security_level = encrypt applies to direct delivery too: an MX without STARTTLS defers this mail"

  /// Postfix 3.10's `tls_required_enable` (on by default; spec §5), added to the `encrypt`
  /// explanations where the image ships Postfix 3.10 (`edge`).
  static let tlsRequiredHeader =
    "Postfix 3.10 (tls_required_enable = yes): a message with the header 'TLS-Required: no' is sent with 'may' instead, in plain text where the server offers no STARTTLS"

  /// The `encrypt` warning on a direct route, with the `TLS-Required: no` escape on 3.10.
  static func encryptOnDirectRoute(honoursTLSRequiredHeader: Bool) -> String {
    honoursTLSRequiredHeader ? encryptOnDirectRoute + "; " + tlsRequiredHeader : encryptOnDirectRoute
  }

  /// The `encrypt-forces-direct-tls` diagnostic for the direct `senders` named.
  static func encryptOnDirectMail(_ senders: String) -> String {
    "credentials switch on smtp_tls_security_level = encrypt for ALL outbound SMTP: direct mail (\(senders)) is deferred by any MX without STARTTLS"
  }

  /// The planner's note when `encrypt` reaches direct mail, switched on by `trigger`.
  static func encryptConsequence(trigger: String, directs: String) -> String {
    "DMS sets smtp_tls_security_level = encrypt because \(trigger): direct mail (\(directs)) is deferred when the recipient's MX offers no STARTTLS."
  }
}
