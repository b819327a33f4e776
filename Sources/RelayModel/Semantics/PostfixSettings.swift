/// The `main.cf` and `master.cf` settings Postfix runs with, composed the way DMS builds
/// them on one path (spec §8): DMS's baseline `main.cf`, the relay setup's `postconf`
/// calls, then the admin's `postfix-main.cf` (appended, then `postconf -n`) and
/// `postfix-master.cf` (`postconf -P`); after change detection the relay setup's calls run
/// again on top of all that.
///
/// The router reads its settings here instead of the relay setup's calls alone, so a
/// `relayhost` in `postfix-main.cf` decides where mail goes after a restart.
public struct PostfixSettings: Hashable, Sendable {
  /// Who set a value last.
  public enum Source: Hashable, Sendable {
    /// DMS's own `main.cf` (spec §5).
    case dmsBaseline
    /// The relay setup's `postconf` at container start.
    case relaySetup
    /// `postfix-main.cf`, at this 1-based line.
    case override(line: Int)
    /// The relay setup's `postconf` run again by change detection.
    case changeDetection
  }

  public struct Setting: Hashable, Sendable {
    public var value: String
    public var source: Source
  }

  public var path: GenerationPath
  /// Explicit settings (`postconf -n`); a name not here has Postfix's default.
  public private(set) var values: [String: Setting] = [:]
  /// The `postfix-main.cf` line that made DMS's `postconf -n` fail: `main.cf` was replaced
  /// by its empty output, so every setting before change detection is Postfix's default.
  public private(set) var emptiedBy: PostfixMainCfFile.Problem?
  /// The config folder files the overrides name as tables (`Configuration.overrideTables`).
  public private(set) var tables: [String: TextDocument] = [:]
  /// `-o` overrides by `service/type` (`smtp/unix`), from `postfix-master.cf`.
  public private(set) var serviceOverrides: [String: [String: PostfixMasterCfFile.Override]] = [:]

  /// Postfix 3.7's defaults (`postconf -d`) for the names a routing setting may refer to
  /// as `$name` when nothing sets them (spec §8). Only names whose default is a constant,
  /// or refers to others here, on every compatibility level: others stay unset, and a
  /// setting that refers to them cannot be previewed. `PostfixDefaultsTests` holds this
  /// table to the real `postconf -d`.
  public static let defaults: [String: String] = [
    "config_directory": "/etc/postfix",
    "queue_directory": "/var/spool/postfix",
    "default_transport": "smtp",
    "relay_transport": "relay",
    "myorigin": "$myhostname",
    "mydestination": "$myhostname, localhost.$mydomain, localhost",
    "relayhost": "",
    "sender_dependent_relayhost_maps": "",
    "empty_address_relayhost_maps_lookup_key": "<>",
    "transport_maps": "",
    "sender_dependent_default_transport_maps": "",
    "smtp_sasl_auth_enable": "no",
    "smtp_sasl_password_maps": "",
    "smtp_sasl_security_options": "noplaintext, noanonymous",
    "smtp_sasl_tls_security_options": "$smtp_sasl_security_options",
    "smtp_sender_dependent_authentication": "no",
    "smtp_tls_security_level": "",
    "smtp_tls_wrappermode": "no",
    "smtp_tls_policy_maps": "",
    "known_tcp_ports": "lmtp=24, smtp=25, smtps=submissions=465, submission=587",
  ]

  /// DMS's baseline `main.cf` settings that routing reads (spec §5).
  public static let baseline: [PostconfSetting] = [
    PostconfSetting("relayhost", ""),
    PostconfSetting("recipient_delimiter", "+"),
    PostconfSetting("smtp_tls_security_level", "may"),
  ]

  /// The relay setup's settings over the baseline, without overrides: what the router used
  /// before overrides were modelled, and what it uses for a state built without a
  /// configuration.
  public init(state: GeneratedState) {
    path = state.path
    apply(Self.baseline, .dmsBaseline)
    apply(state.postconf, .relaySetup)
  }

  /// The settings after `state.path` for `configuration`. On `.change` the start that
  /// preceded it is the same configuration's (the admin's overrides are only read at start).
  public init(configuration: Configuration, state: GeneratedState) {
    path = state.path
    tables = configuration.overrideTables
    apply(Self.baseline, .dmsBaseline)
    // DMS's start runs `postconf "myhostname = ${HOSTNAME}"` and `"mydomain = ${DOMAINNAME}"`
    // before the relay setup, every version: a `$mydomain` in an override reads them. Unknown
    // here, they stay unset, and a routing setting that refers to them cannot be previewed.
    let host = DMSHostName(environment: configuration.environment)
    if let hostname = host.hostname { values["myhostname"] = Setting(value: hostname, source: .dmsBaseline) }
    if let domain = host.domainName { values["mydomain"] = Setting(value: domain, source: .dmsBaseline) }
    let startup =
      state.path == .startup
      ? state.postconf : Generator.generate(configuration, family: state.family, path: .startup).postconf
    apply(startup, .relaySetup)
    if let main = configuration.postfixMain {
      if let problem = main.problems.first {
        // `postconf -n` exits fatally with no output, and DMS moves that empty output over
        // `main.cf` (every version; v11–v13 even discard the error).
        emptiedBy = problem
        values = [:]
      } else {
        for assignment in main.assignments {
          values[assignment.key] = Setting(value: assignment.value, source: .override(line: assignment.line))
        }
      }
    }
    for override in configuration.postfixMaster?.overrides(family: state.family) ?? [] {
      serviceOverrides[override.service, default: [:]][override.parameter] = override
    }
    if state.path == .change { apply(state.postconf, .changeDetection) }
  }

  private mutating func apply(_ settings: [PostconfSetting], _ source: Source) {
    for setting in settings { values[setting.key] = Setting(value: setting.value, source: source) }
  }

  /// The value of `key` as written (nil: never set, so Postfix's default).
  public func raw(_ key: String) -> String? { values[key]?.value }

  /// The value of `key` as written in the `service/type` transport: its `-o` override, else
  /// the `main.cf` value (no service: the `main.cf` value).
  public func raw(_ key: String, service: String?) -> String? {
    service.flatMap { serviceOverrides[$0]?[key]?.value } ?? raw(key)
  }

  /// The value of `key` with `$name` and `${name}` expanded (nil: never set), as Postfix
  /// expands a parameter when it reads it; expansion deeper than 16 levels
  /// (a loop) gives an empty value.
  public func value(_ key: String) -> String? {
    guard let raw = values[key]?.value else { return nil }
    var unset: [String] = []
    return expand(raw, depth: 0, unset: &unset)
  }

  /// The value `parameter` has in the `service/type` transport: its `-o` override, else
  /// the `main.cf` value.
  public func value(_ parameter: String, service: String) -> String? {
    guard let written = raw(parameter, service: service) else { return nil }
    var unset: [String] = []
    return expand(written, depth: 0, unset: &unset)
  }

  /// The names `parameter`'s value (in `service`, when given) refers to, directly or through
  /// other values, that no setting gives and `defaults` does not hold: Postfix then expands
  /// its own default, which the preview does not model, where `value` reads an empty string.
  public func unsetNames(_ parameter: String, service: String? = nil) -> [String] {
    guard let written = raw(parameter, service: service) else { return [] }
    var unset: [String] = []
    _ = expand(written, depth: 0, unset: &unset)
    return unset
  }

  private func expand(_ text: String, depth: Int, unset: inout [String]) -> String {
    guard text.contains("$") else { return text }
    // Postfix gives up on such nesting too; the value is then unusable, read as empty.
    guard depth < 16 else { return "" }
    var out = ""
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      out += rest[..<dollar]
      rest = rest[rest.index(after: dollar)...]
      var name: Substring
      if rest.first == "{" || rest.first == "(" {
        let close: Character = rest.first == "{" ? "}" : ")"
        guard let end = rest.firstIndex(of: close) else {
          out += "$" + rest
          return out
        }
        name = rest[rest.index(after: rest.startIndex)..<end]
        rest = rest[rest.index(after: end)...]
      } else {
        let end = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? rest.endIndex
        name = rest[..<end]
        rest = rest[end...]
      }
      if name.isEmpty {
        out += "$"
        continue
      }
      if let setting = values[String(name)] {
        out += expand(setting.value, depth: depth + 1, unset: &unset)
      } else if let fallback = Self.defaults[String(name)] {
        out += expand(fallback, depth: depth + 1, unset: &unset)
      } else if !unset.contains(String(name)) {
        unset.append(String(name))
      }
    }
    return out + rest
  }
}
