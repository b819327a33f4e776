/// One change to the relay configuration, as `setup relay` or the env file would make it.
///
/// The first three cases write exactly what DMS's `setup relay add-domain|add-auth|exclude-domain`
/// writes (spec §6); the others remove lines or change env variables. `validate()` checks
/// the values; `apply(to:fileName:)` computes the new file.
///
/// ```swift
/// let edit = RelayEdit.addDomain(domain: "example.com", host: "smtp.relay.test", port: 587)
/// try edit.validate()
/// let result = try edit.apply(to: relayMap.document, fileName: RelayMapFile.fileName)
/// ```
public enum RelayEdit: Hashable, Sendable {
  /// `@D [HOST]:PORT` in `postfix-relaymap.cf`.
  case addDomain(domain: String, host: String, port: Int = 25)
  /// `@D USER:PASSWORD` in `postfix-sasl-password.cf`.
  case addAuth(domain: String, user: String, password: String)
  /// `@D ` (trailing space) in `postfix-relaymap.cf`: opts D out of the `RELAY_HOST` default.
  case excludeDomain(domain: String)
  /// Removes the relay map lines keyed `@D` (followed by whitespace).
  case delDomain(domain: String)
  /// Removes the sasl lines keyed `@D` (followed by whitespace).
  case delAuth(domain: String)
  /// Removes opt-out lines `^\s*@D\s*$` from the relay map.
  case includeDomain(domain: String)
  case setEnv(key: String, value: String)
  case unsetEnv(key: String)

  /// Which file an edit changes.
  public enum Target: Hashable, Sendable {
    case relayMap
    case saslPasswords
    case envFile

    /// The config folder file name; nil for the env file, whose name varies.
    public var configFileName: String? {
      switch self {
      case .relayMap: return RelayMapFile.fileName
      case .saslPasswords: return SaslPasswordFile.fileName
      case .envFile: return nil
      }
    }
  }

  public var target: Target {
    switch self {
    case .addDomain, .excludeDomain, .delDomain, .includeDomain: return .relayMap
    case .addAuth, .delAuth: return .saslPasswords
    case .setEnv, .unsetEnv: return .envFile
    }
  }

  /// The sender domain the edit is about, if any.
  public var domain: String? {
    switch self {
    case .addDomain(let d, _, _), .addAuth(let d, _, _), .excludeDomain(let d),
      .delDomain(let d), .delAuth(let d), .includeDomain(let d):
      return d
    case .setEnv, .unsetEnv: return nil
    }
  }

  /// A short description for logs and confirmations (never contains a password).
  public var summary: String {
    switch self {
    case .addDomain(let d, let h, let p): return "route '@\(d)' via \(RelayEdit.nextHop(host: h, port: p))"
    case .addAuth(let d, let u, _): return "credentials for '@\(d)' (user '\(u)')"
    case .excludeDomain(let d): return "opt '@\(d)' out of RELAY_HOST"
    case .delDomain(let d): return "remove the relay map entry for '@\(d)'"
    case .delAuth(let d): return "remove the credentials for '@\(d)'"
    case .includeDomain(let d): return "remove the opt-out for '@\(d)'"
    case .setEnv(let k, let v):
      return RelayEnvironment.secretKeys.contains(k) ? "set \(k)" : "set \(k)='\(v)'"
    case .unsetEnv(let k): return "unset \(k)"
    }
  }

  /// `[HOST]:PORT`, as `setup relay add-domain` writes the next hop.
  public static func nextHop(host: String, port: Int) -> String { "[\(host)]:\(port)" }

  /// The env variables `set-env`/`unset-env` may change: those that influence relaying.
  public static var editableEnvKeys: [String] { RelayEnvironment.relayKeys }
}
