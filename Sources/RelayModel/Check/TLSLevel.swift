/// Postfix's `smtp_tls_security_level`, as far as a relay check has to honour it.
///
/// DMS only ever sets `encrypt` (whenever credentials exist, spec §3) or leaves Postfix's
/// `may`; the stricter levels are read so that a `postfix-main.cf` override is judged as
/// Postfix would judge it.
public enum TLSLevel: String, Sendable, Hashable, Codable, CaseIterable {
  case none, may, encrypt, verify, secure

  /// The level for a `smtp_tls_security_level` value; levels this check does not model
  /// (`dane`, `fingerprint`) are treated as `encrypt`, the weakest thing they demand.
  public init(setting: String) {
    switch setting.lowercased() {
    case "", "none": self = .none
    case "may": self = .may
    case "verify": self = .verify
    case "secure": self = .secure
    default: self = .encrypt
    }
  }

  /// Whether Postfix sends STARTTLS when the server offers it.
  public var usesTLS: Bool { self != .none }
  /// Whether Postfix refuses to deliver without TLS.
  public var requiresTLS: Bool { self == .encrypt || requiresVerification }
  /// Whether Postfix refuses a certificate that does not verify (chain, name, dates).
  public var requiresVerification: Bool { self == .verify || self == .secure }
}
