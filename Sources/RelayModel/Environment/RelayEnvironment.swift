/// Where an environment value came from, so the UI can say "RELAY_HOST (mailserver.env:4)".
public enum EnvironmentOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
  case envFile(path: String, line: Int)
  case compose(path: String, service: String)
  case process
  case commandLine
  case derived(String)
  /// Read at start from the file a `VAR__FILE` variable names (spec §10): `variable` is
  /// that `VAR__FILE`, `path` the host file (or the container path when unmapped).
  case fromFile(variable: String, path: String)

  public var description: String {
    switch self {
    case .envFile(let path, let line): return "\(path):\(line)"
    case .compose(let path, let service): return "\(path) (service '\(service)')"
    case .process: return "process environment"
    case .commandLine: return "command line"
    case .derived(let why): return why
    case .fromFile(let variable, let path): return "\(variable) → \(path)"
    }
  }
}

/// The container environment DMS's scripts see, with the origin of each value.
///
/// Unset and empty are the same to DMS's `[[ -n … ]]` tests, so `self[key]` returns `""`
/// for both; `isSet` distinguishes them for display.
public struct RelayEnvironment: Hashable, Sendable {
  public private(set) var values: [String: String]
  public private(set) var origins: [String: EnvironmentOrigin]
  /// The compose service's `hostname:` (the container's host name), when known.
  public var containerHostname: String?
  /// The compose service's `domainname:`, when known.
  public var containerDomainName: String?

  public init(values: [String: String] = [:], origins: [String: EnvironmentOrigin] = [:]) {
    self.values = values
    self.origins = origins
  }

  public subscript(key: String) -> String {
    values[key] ?? ""
  }

  public func isSet(_ key: String) -> Bool { values[key] != nil }

  /// The name a value is known by in explanations: `RELAY_PASSWORD__FILE` when DMS read
  /// `RELAY_PASSWORD` from a file, else the key itself.
  public func sourceName(of key: String) -> String {
    if case .fromFile(let variable, _)? = origins[key] { return variable }
    return key
  }

  public mutating func set(_ key: String, _ value: String, origin: EnvironmentOrigin) {
    values[key] = value
    origins[key] = origin
  }

  public mutating func remove(_ key: String) {
    values[key] = nil
    origins[key] = nil
  }

  /// The variables that influence relaying (spec §1), in display order.
  public static let relayKeys = [
    "RELAY_HOST", "RELAY_PORT", "RELAY_USER", "RELAY_PASSWORD", "DEFAULT_RELAY_HOST",
    "SASL_PASSWD", "ACCOUNT_PROVISIONER", "DOMAINNAME", "OVERRIDE_HOSTNAME",
    "ENABLE_SRS", "SRS_EXCLUDE_DOMAINS",
  ]

  /// Keys whose values are secrets and must be redacted in output.
  public static let secretKeys: Set<String> = ["RELAY_PASSWORD", "SASL_PASSWD", "SRS_SECRET"]

  /// `[RELAY_HOST]:RELAY_PORT`, as DMS's `_env_relay_host` writes it.
  public var envRelayHost: String {
    let port = self["RELAY_PORT"].isEmpty ? "25" : self["RELAY_PORT"]
    return "[\(self["RELAY_HOST"])]:\(port)"
  }

  /// Both `RELAY_USER` and `RELAY_PASSWORD` non-empty: the only case DMS uses them.
  public var hasEnvCredentials: Bool {
    !self["RELAY_USER"].isEmpty && !self["RELAY_PASSWORD"].isEmpty
  }

  /// The mail domain DMS derives for LDAP setups: `DOMAINNAME` as DMS's start settles it
  /// (`DMSHostName`, from `OVERRIDE_HOSTNAME` or the compose file's `hostname:`). When
  /// neither says, the environment's `DOMAINNAME`: the container's own host name is then
  /// Docker's one-label container ID, so DMS keeps that value. `nil` when nothing says.
  public var derivedDomainName: String? {
    DMSHostName(environment: self).domainName ?? (self["DOMAINNAME"].isEmpty ? nil : self["DOMAINNAME"])
  }
}
