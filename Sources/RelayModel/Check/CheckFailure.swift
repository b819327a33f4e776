/// Why a live check stopped, in the terms the explanation needs (the step it stopped at is
/// the last step of the run).
public enum CheckFailure: Sendable, Hashable {
  /// The host has no DNS record (NXDOMAIN, or no MX and no A/AAAA).
  case unresolvable(host: String, detail: String)
  /// DNS gave no answer in time or failed temporarily (Postfix defers and retries).
  case dnsTemporary(host: String, detail: String)
  /// Every address refused the connection (nothing listens on that port).
  case connectionRefused(addresses: [String])
  /// No address answered within the step's time (a firewall drops the packets).
  case connectTimeout(addresses: [String])
  /// Another connect error (no route to host, unreachable network).
  case connectFailed(detail: String)
  /// The server sent nothing within the step's time.
  case timeout(step: CheckStepName)
  /// The server closed the connection.
  case closed(step: CheckStepName)
  /// A reply line longer than the client accepts, or a reply that is not SMTP.
  case badReply(step: CheckStepName, detail: String)
  /// A 4xx or 5xx reply.
  case rejected(step: CheckStepName, code: Int, text: String)
  /// The TLS level demands TLS and the server offers no STARTTLS.
  case noStartTLS
  /// The TLS handshake failed (protocol, cipher or a closed connection).
  case handshake(detail: String)
  /// The TLS level demands a verified certificate and this one is not.
  case certificate(CertificateSummary)
  /// The server offers AUTH, but no mechanism this client and Postfix's both speak.
  case noMechanism(offered: [String])
  /// The whole check ran out of its overall time.
  case overallTimeout
  /// The check was cancelled (Esc in the UI).
  case cancelled

  /// The step a failure belongs to when the run recorded none (cancellation, overall time).
  public var step: CheckStepName? {
    switch self {
    case .unresolvable, .dnsTemporary: return .resolve
    case .connectionRefused, .connectTimeout, .connectFailed: return .connect
    case .timeout(let step), .closed(let step), .badReply(let step, _), .rejected(let step, _, _): return step
    case .noStartTLS, .handshake: return .starttls
    case .certificate: return .certificate
    case .noMechanism: return .auth
    case .overallTimeout, .cancelled: return nil
    }
  }
}

/// Everything one live check produced: the steps, why it stopped (nil: every step passed),
/// the certificate if TLS was reached, and the conversation.
public struct CheckRun: Sendable, Hashable {
  public var steps: [CheckStep]
  public var failure: CheckFailure?
  public var certificate: CertificateSummary?
  /// The AUTH mechanism used, if any.
  public var mechanism: String?
  /// Whether AUTH was sent at all (credentials known and offered by the server).
  public var authenticated: Bool
  /// Whether the server's EHLO reply listed AUTH.
  public var serverOffersAuth: Bool
  public var transcript: [TranscriptLine]

  public init(
    steps: [CheckStep] = [], failure: CheckFailure? = nil, certificate: CertificateSummary? = nil,
    mechanism: String? = nil, authenticated: Bool = false, serverOffersAuth: Bool = false,
    transcript: [TranscriptLine] = []
  ) {
    self.steps = steps
    self.failure = failure
    self.certificate = certificate
    self.mechanism = mechanism
    self.authenticated = authenticated
    self.serverOffersAuth = serverOffersAuth
    self.transcript = transcript
  }
}
