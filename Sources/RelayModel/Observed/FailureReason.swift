/// Why a delivery failed, in plain words with the fix, recognised from Postfix's reason
/// text (and the warning the delivering process logged just before).
///
/// The texts are the ones a real Postfix 3.7 logs (the real-Postfix suite's logs), and the
/// replies relays commonly give: `535 5.7.8`, `530 5.7.0 Authentication required`, …
public enum FailureReason: String, Sendable, Hashable, CaseIterable, Codable {
  case authenticationFailed = "authentication-failed"
  case authenticationRequired = "authentication-required"
  case tlsNotOffered = "tls-not-offered"
  case certificateNotVerified = "certificate-not-verified"
  case senderRejected = "sender-rejected"
  case greetingTimeoutImplicitTLS = "implicit-tls-port"
  case noPasswordTable = "no-password-table"
  case tableLookupFailed = "table-lookup-failed"
  case relayAccessDenied = "relay-access-denied"
  case hostNotFound = "host-not-found"
  case connectionFailed = "connection-failed"
  case smtpDied = "smtp-died"
  case other

  /// Which reason `text` (the delivery's `status=… (text)`, plus any warning of the same
  /// delivery) shows. `port` is the relay's port as logged.
  public static func classify(_ text: String, port: Int?) -> FailureReason {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { classify(UnsafeRawBufferPointer($0), port: port, lowering: $0) }
  }

  /// `classify` on the log's bytes: ASCII-lowered into `lowering` (as long as `text`), then
  /// searched with `memchr` (thousands of failures in a large log; Foundation's
  /// `contains` was the largest single cost of reading one).
  static func classify(
    _ text: UnsafeRawBufferPointer, port: Int?, lowering: UnsafeMutableRawBufferPointer
  ) -> FailureReason {
    for i in 0..<text.count { lowering[i] = Bytes.lower(text[i]) }
    let t = UnsafeRawBufferPointer(rebasing: lowering[0..<text.count])
    func has(_ s: StaticString) -> Bool {
      guard let base = t.baseAddress else { return false }
      return ByteSearch.find(base, t.count, s.utf8Start, s.utf8CodeUnitCount) != nil
    }
    if has("specify a password table") { return .noPasswordTable }
    if has("sasl authentication failed") || has(" 535 ") || has("535 5.7") || has("authentication credentials invalid") {
      return .authenticationFailed
    }
    if has("while receiving the initial server greeting"), port == 465 || has(":465") { return .greetingTimeoutImplicitTLS }
    if has("wrappermode") { return .greetingTimeoutImplicitTLS }
    if has("tls is required, but") || has("must issue a starttls") || has("starttls is required") { return .tlsNotOffered }
    if has("certificate verification failed") || has("server certificate not verified") || has("untrusted issuer") {
      return .certificateNotVerified
    }
    if has("relay access denied") { return .relayAccessDenied }
    if has(" 530 ") || has("530 5.7.0") || has("authentication required") { return .authenticationRequired }
    if has("duplicate entry") || has("lookup error") || has("lookup failure") || has("is unavailable")
      || has("address resolver failure") || has("local data error") || has("table lookup")
    {
      return .tableLookupFailed
    }
    if has("host or domain name not found") || has("name service error") { return .hostNotFound }
    if has("sender address rejected") || has("not owned by") || has("sender not allowed")
      || has("sender verify") || has("not verified") || has(" 553 ") || has(" 501 ")
      || (has("5.7.1") && has("sender"))
    {
      return .senderRejected
    }
    if has("connection refused") || has("connection timed out") || has("network is unreachable")
      || has("lost connection")
    {
      return .connectionFailed
    }
    if has("smtp process") || has("fatal:") || has("server description") || has("malformed response") { return .smtpDied }
    return .other
  }

  /// The reason in plain words and what to do about it. `relay` is `host:port` when known.
  public func plainWords(relay: String?, example: String) -> String {
    let at = relay.map { "'\($0)'" } ?? "the receiving server"
    switch self {
    case .authenticationFailed:
      return "\(at) refused the login (SASL authentication failed / 535): check the user and password for it in postfix-sasl-password.cf or RELAY_USER/RELAY_PASSWORD"
    case .authenticationRequired:
      return "\(at) requires authentication and none was sent (530): add credentials for it (`setup relay add-auth`, or RELAY_USER/RELAY_PASSWORD)"
    case .tlsNotOffered:
      return "TLS is required but \(at) did not offer STARTTLS: use the provider's submission port (587) or check smtp_tls_security_level"
    case .certificateNotVerified:
      return "the certificate of \(at) could not be verified: check the host name matches its certificate and the CA bundle in the container"
    case .senderRejected:
      return "\(at) refused the sender address (5.7.1/501/553): verify the sender or its domain with the provider; with ENABLE_SRS=1 postsrsd rewrote the envelope sender (add the domain to SRS_EXCLUDE_DOMAINS)"
    case .greetingTimeoutImplicitTLS:
      return "no greeting from \(at): port 465 speaks TLS at once (smtp_tls_wrappermode), which DMS does not configure: use the provider's port 587"
    case .noPasswordTable:
      return "smtp stopped at startup (`specify a password table`): SASL is on but no password table is set, so nothing leaves: give RELAY_USER/RELAY_PASSWORD or a postfix-sasl-password.cf entry"
    case .tableLookupFailed:
      return "a table could not be read (\(Self.excerpt(example))): a key folds to the same key as another (duplicate entry) or the line is malformed: remove the duplicate in postfix-relaymap.cf / postfix-sasl-password.cf"
    case .relayAccessDenied:
      return "\(at) does not relay for this server (Relay access denied): authenticate (add credentials) or have the provider allow the server's address"
    case .hostNotFound:
      return "a host name does not resolve (\(Self.excerpt(example))): check the relay host's spelling in postfix-relaymap.cf or RELAY_HOST"
    case .connectionFailed:
      return "could not talk to \(at) (\(Self.excerpt(example))): check the host and port, and that the container may connect out on that port"
    case .smtpDied:
      return "the smtp process died before delivering (\(Self.excerpt(example))): a relay value it cannot read, e.g. a `#` comment or `[host:port]:25`; run `dms-relay preview`"
    case .other:
      return Self.excerpt(example)
    }
  }

  /// The first 160 characters of a reason text.
  static func excerpt(_ text: String) -> String {
    text.count <= 160 ? text : String(text.prefix(157)) + "…"
  }
}
