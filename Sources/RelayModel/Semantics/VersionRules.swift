/// Every way the DMS release families differ in relaying, answered in one place (spec §2–§4).
///
/// The generator, the checks, the planner, the screens and the reports ask these values
/// instead of testing the family themselves, so "where does v13 differ from v14" has one
/// answer and a new family (`edge`) is one more value here.
///
/// ```swift
/// if version.family.rules.relayMapNeedsRelayHost { … }
/// ```
public struct VersionRules: Sendable {
  /// Where DMS gets the domains it maps to `RELAY_HOST` (spec §3 step 4).
  public enum ManagedDomainsSource: Sendable {
    /// `postfix-accounts.cf` and `postfix-virtual.cf` read as one stream (v11–v13): a
    /// missing final newline glues two domains; LDAP domains are never read.
    case accountsAndVirtualStream
    /// `/etc/postfix/vhost`, rebuilt from the normalised files (and, with LDAP, only the
    /// container's domain) before relaying (v14+).
    case vhost
  }

  public let family: VersionFamily
  /// The relay map and the sasl file are read only while `RELAY_HOST` is set, and setting
  /// `RELAY_HOST` alone switches SASL and `encrypt` on at start (spec §3, v11–v13).
  public let relayMapNeedsRelayHost: Bool
  /// v11 prepends the `SASL_PASSWD` variable as the sasl table's first line (spec §3).
  public let readsSaslPasswdVariable: Bool
  /// How DMS's "already in the relay map?" grep ends the domain: `\b` before 14, `\s+`
  /// from 14 (spec §4, prefix collisions).
  let domainCheckEnding: LinePrefixIndex.Ending
  /// v14+ rewrites the accounts, virtual and sasl files in place (CRLF to LF, final newline)
  /// before reading them (spec §3).
  public let normalisesInputsInPlace: Bool
  public let managedDomains: ManagedDomainsSource
  /// Whether change detection re-applies `smtp_sasl_auth_enable`, `noanonymous` and
  /// `encrypt` (v14+), or only container start does (v11–v13) (spec §3, "Change detection").
  public let changeDetectionAppliesSASLSettings: Bool
  /// Whether DMS picks up edited relay files by itself (change detection) on every
  /// configuration, or only while `RELAY_HOST` is set (v11–v13).
  public let changeDetectionRebuildsRelayTablesAlways: Bool
  /// Whether the change detector runs whatever `ACCOUNT_PROVISIONER` says (`edge`) or only
  /// with `FILE` (up to 15.1.0). Either way it re-applies the vhost and relay parts only
  /// with `FILE` (spec §3, "Change detection"); see `changeDetectionReappliesRelayFiles`.
  public let changeDetectionRunsForEveryProvisioner: Bool
  /// The image's Debian and Postfix, for the explanations (spec §2).
  public let platform: String
  /// Postfix 3.10's `tls_required_enable` (default yes): a message with the header
  /// `TLS-Required: no` is sent with `may` where `encrypt` is configured (spec §5).
  public let honoursTLSRequiredHeader: Bool
  /// Advice to move to a release without the quirk, or nil on the newest family.
  public let upgradeHint: String?

  /// The rules of `family`.
  public static func of(_ family: VersionFamily) -> VersionRules {
    switch family {
    case .v11: return v11
    case .v12to13: return v12to13
    case .v14plus: return v14plus
    case .edge: return edge
    }
  }

  static let v11 = VersionRules(
    family: .v11, relayMapNeedsRelayHost: true, readsSaslPasswdVariable: true,
    domainCheckEnding: .wordBoundary, normalisesInputsInPlace: false, managedDomains: .accountsAndVirtualStream,
    changeDetectionAppliesSASLSettings: false, changeDetectionRebuildsRelayTablesAlways: false,
    changeDetectionRunsForEveryProvisioner: false, platform: "Debian 11, Postfix 3.5",
    honoursTLSRequiredHeader: false, upgradeHint: "upgrade DMS to 14 or newer")
  static let v12to13 = VersionRules(
    family: .v12to13, relayMapNeedsRelayHost: true, readsSaslPasswdVariable: false,
    domainCheckEnding: .wordBoundary, normalisesInputsInPlace: false, managedDomains: .accountsAndVirtualStream,
    changeDetectionAppliesSASLSettings: false, changeDetectionRebuildsRelayTablesAlways: false,
    changeDetectionRunsForEveryProvisioner: false, platform: "Debian 11, Postfix 3.5",
    honoursTLSRequiredHeader: false, upgradeHint: "upgrade DMS to 14 or newer")
  static let v14plus = VersionRules(
    family: .v14plus, relayMapNeedsRelayHost: false, readsSaslPasswdVariable: false,
    domainCheckEnding: .whitespace, normalisesInputsInPlace: true, managedDomains: .vhost,
    changeDetectionAppliesSASLSettings: true, changeDetectionRebuildsRelayTablesAlways: true,
    changeDetectionRunsForEveryProvisioner: false, platform: "Debian 12, Postfix 3.7",
    honoursTLSRequiredHeader: false, upgradeHint: nil)
  /// 15.1.0's relay scripts (so `Generator` treats it as v14+); it differs in what runs
  /// the change detector and in the Postfix it ships.
  static let edge = VersionRules(
    family: .edge, relayMapNeedsRelayHost: false, readsSaslPasswdVariable: false,
    domainCheckEnding: .whitespace, normalisesInputsInPlace: true, managedDomains: .vhost,
    changeDetectionAppliesSASLSettings: true, changeDetectionRebuildsRelayTablesAlways: true,
    changeDetectionRunsForEveryProvisioner: true,
    platform: "Debian 13, Postfix 3.10 (compatibility_level = 3.10)", honoursTLSRequiredHeader: true,
    upgradeHint: nil)

  /// Whether the relay map works without `RELAY_HOST`, so a plan may use it alone.
  public var relayMapWorksAlone: Bool { !relayMapNeedsRelayHost }

  /// Of the two relays, the one DMS keys `RELAY_USER`/`RELAY_PASSWORD` to: `RELAY_HOST`
  /// before 14; from 14 `DEFAULT_RELAY_HOST` when set, else `RELAY_HOST` (spec §3).
  public func envCredentialsRelay<Relay>(relayHost: Relay?, defaultRelay: Relay?) -> Relay? {
    relayMapNeedsRelayHost ? relayHost : (defaultRelay ?? relayHost)
  }

  /// The variable and the key of the `sasl_passwd` line DMS writes for `RELAY_USER` and
  /// `RELAY_PASSWORD` (`[RELAY_HOST]:RELAY_PORT` or `DEFAULT_RELAY_HOST` as written), or nil
  /// when neither relay is set.
  public func envCredentialsKey(_ env: RelayEnvironment) -> (variable: String, key: String)? {
    envCredentialsRelay(
      relayHost: env["RELAY_HOST"].isEmpty ? nil : ("RELAY_HOST", env.envRelayHost),
      defaultRelay: env["DEFAULT_RELAY_HOST"].isEmpty ? nil : ("DEFAULT_RELAY_HOST", env["DEFAULT_RELAY_HOST"])
    )
    .map { (variable: $0.0, key: $0.1) }
  }

  /// DMS's grep for "is `domain` already in the relay map?", as the admin would type it,
  /// and what makes it match other domains.
  public func domainCheck(_ domain: String) -> (grep: String, caveat: String) {
    switch domainCheckEnding {
    case .wordBoundary:
      return ("grep '^@\(domain)\\b'", "'\\b' stops at a dot or hyphen and each '.' matches any character")
    case .whitespace, .endOfLine:
      return ("grep -E '^@\(domain)\\s+'", "each '.' matches any character")
    }
  }

  /// What switches `smtp_tls_security_level = encrypt` on (spec §4).
  public var encryptTrigger: String {
    relayMapNeedsRelayHost ? "RELAY_HOST is set" : "credentials are configured"
  }

  /// `fix`, followed where an upgrade removes the quirk by `separator` and the upgrade hint
  /// (and `reason`, why the upgrade helps).
  public func fix(_ fix: String, orUpgrade separator: String = ", or ", _ reason: String = "") -> String {
    upgradeHint.map { fix + separator + $0 + reason } ?? fix
  }

  /// Whether change detection re-runs the relay setup with `ACCOUNT_PROVISIONER` =
  /// `provisioner` (empty is DMS's default, `FILE`). Never with another provisioner, at any
  /// version: up to 15.1.0 the change detector does not start, and on `edge` it starts but
  /// skips the vhost and relay parts unless `FILE` (spec §3, "Change detection").
  public func changeDetectionReappliesRelayFiles(provisioner: String) -> Bool {
    provisioner.isEmpty || provisioner == "FILE"
  }

  /// The sentence that says a relay file edit waits for the restart under `provisioner`,
  /// shared by the preview's diagnostic and the write confirmation.
  public func relayFilesApplyAtRestart(version: DMSVersion, provisioner: String) -> String {
    let detector =
      changeDetectionRunsForEveryProvisioner
      ? "DMS \(version.name)'s change detection skips the relay files unless ACCOUNT_PROVISIONER=FILE"
      : "DMS \(version.name) runs change detection only with ACCOUNT_PROVISIONER=FILE"
    return
      "With ACCOUNT_PROVISIONER=\(provisioner), \(detector), so a change to postfix-relaymap.cf or postfix-sasl-password.cf takes effect at the next restart ('docker compose restart')"
  }

  /// What the admin does after writing, for `version` of this family (spec §3, "Change
  /// detection"): recreate the container after an env change; after file edits, nothing on
  /// 14+ (but settings stay when credentials were removed), a restart before.
  public func nextSteps(
    version: DMSVersion, changesEnvironment: Bool, changesFiles: Bool, removesAllCredentials: Bool,
    provisioner: String = ""
  ) -> [String] {
    if changesEnvironment {
      return [
        "The environment changed: recreate the container so it reads it ('docker compose up -d'; a plain 'docker compose restart' keeps the old environment)."
      ]
    }
    guard changesFiles else { return [] }
    guard changeDetectionReappliesRelayFiles(provisioner: provisioner) else {
      return [relayFilesApplyAtRestart(version: version, provisioner: provisioner) + "."]
    }
    guard changeDetectionRebuildsRelayTablesAlways else {
      return [
        "DMS \(version) rebuilds the relay tables on file changes only while RELAY_HOST is set and applies the SASL/TLS settings only at start: restart the container ('docker compose restart') to be sure."
      ]
    }
    var lines = [
      "DMS \(version) picks up the changed files by itself (change detection, within a few seconds); no restart needed."
    ]
    if removesAllCredentials {
      lines.append(
        "Settings DMS already applied (smtp_sasl_auth_enable, smtp_tls_security_level = encrypt) stay until the container restarts.")
    }
    return lines
  }

  /// One sentence for choosing a version: what relaying needs on `version`.
  public func summary(_ version: DMSVersion) -> String {
    relayMapNeedsRelayHost
      ? "DMS \(version.name) (\(family.rawValue)): the relay map and credentials count only while RELAY_HOST is set, so per-domain relaying needs RELAY_HOST plus opt-outs."
      : "DMS \(version.name) (\(family.rawValue), \(platform)): the relay map works on its own, and file changes are picked up by change detection."
  }
}

extension VersionFamily {
  /// Everything that differs in this family.
  public var rules: VersionRules { .of(self) }
}
