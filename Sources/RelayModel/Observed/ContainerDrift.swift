/// The running container against what `generate` says DMS writes for the current files
/// and env: a drift report naming each table, `main.cf` setting or version not applied yet.
///
/// Why a container lags (spec §3, change detection): env changes are read only when the container is
/// created (`docker compose up -d`); relay file changes are applied by DMS's change
/// detection a few seconds later, except with a provisioner other than FILE (LDAP, OIDC: its change
/// detection never re-runs the relay setup) — then a restart applies them.
public enum ContainerDrift {
  /// The `main.cf` keys that decide routing and authentication, compared even when the
  /// files no longer set them (a container created from an older env still has them).
  public static let relaySettings = [
    "relayhost", "sender_dependent_relayhost_maps", "smtp_sasl_auth_enable", "smtp_sasl_password_maps",
    "smtp_sasl_security_options", "smtp_sender_dependent_authentication", "smtp_tls_security_level",
  ]

  public static func compare(
    _ live: ContainerSnapshot, configuration: Configuration, version: DMSVersion
  ) -> [DriftItem] {
    let state = Generator.generate(configuration, version: version)
    let provisioner = configuration.environment(for: version, path: .startup)["ACCOUNT_PROVISIONER"]
    let waitsForRestart = !version.family.rules.changeDetectionReappliesRelayFiles(provisioner: provisioner)
    var items: [DriftItem] = []
    if let running = live.version, !running.isEmpty, (try? DMSVersion.parse(running))?.family != version.family {
      items.append(
        DriftItem(
          kind: .version, name: "DMS_RELEASE",
          detail: "the container runs DMS \(running), the files were read as DMS \(version.name) (\(version.family.rawValue))",
          howToApply: "pass --dms-version \(running) to judge the running container, or `docker compose pull && docker compose up -d` to run \(version.name)"))
    }
    if let item = tableDrift(
      Generator.relayhostMapPath, expected: state.relayhostMap, live: live.relayhostMap, secret: false, provisioner: waitsForRestart ? provisioner : nil)
    {
      items.append(item)
    }
    if let item = tableDrift(
      Generator.saslPasswdPath, expected: state.saslPasswd, live: live.saslPasswd, secret: true, provisioner: waitsForRestart ? provisioner : nil)
    {
      items.append(item)
    }
    let settings = live.settings
    let composed = PostfixSettings(configuration: configuration, state: state)
    var keys = state.postconf.map(\.key)
    for key in relaySettings where !keys.contains(key) && (settings[key] != nil || isOverridden(key, composed)) {
      keys.append(key)
    }
    var seen = Set<String>()
    for key in keys where seen.insert(key).inserted {
      let want = expectedSetting(key, state: state, composed: composed)
      let have = settings[key] ?? ""
      guard want != have else { continue }
      let haveText = have.isEmpty ? "the container leaves it unset" : "the container has '\(have)'"
      let wantText = want.isEmpty ? "the files leave it unset" : "the files give '\(want)'"
      items.append(
        DriftItem(
          kind: .setting, name: key, detail: "\(haveText), \(wantText)",
          howToApply: "env changes are read when the container is created: `docker compose up -d` (a restart is not enough)"))
    }
    return items
  }

  /// A table that differs: which keys the container lacks or still has (values only for
  /// the relay map; the password table is compared, never shown).
  static func tableDrift(
    _ path: String, expected: GeneratedTable?, live: [UInt8]?, secret: Bool, provisioner: String?
  ) -> DriftItem? {
    let want = expected.map { $0.lines.filter { !$0.isEmpty } } ?? []
    let have = live.map { $0.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init) } ?? []
    if want == have, (expected == nil) == (live == nil) || want.isEmpty { return nil }
    if expected == nil, live == nil { return nil }
    func key(_ line: [UInt8]) -> String {
      String(decoding: line.prefix { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
    }
    let wantSet = Set(want)
    let haveSet = Set(have)
    let missing = want.filter { !haveSet.contains($0) }
    let stale = have.filter { !wantSet.contains($0) }
    var parts: [String] = []
    func list(_ lines: [[UInt8]]) -> String {
      let shown = lines.prefix(5).map { "'\(secret ? key($0) : String(decoding: $0, as: UTF8.self))'" }
      return shown.joined(separator: ", ") + (lines.count > 5 ? " and \(lines.count - 5) more" : "")
    }
    if live == nil {
      parts.append("missing in the container")
    } else if expected == nil {
      parts.append("the files give no such table, the container still has \(have.count) line\(have.count == 1 ? "" : "s")")
    } else {
      if !missing.isEmpty { parts.append("the container lacks \(list(missing))") }
      if !stale.isEmpty { parts.append("still has \(list(stale))") }
      if missing.isEmpty, stale.isEmpty { parts.append("same lines in another order") }
    }
    if secret { parts.append("(compared by content; passwords not shown)") }
    // Lines DMS derives from the env (RELAY_HOST for each domain, RELAY_USER/PASSWORD)
    // change only when the container is created.
    let origins = expected?.origins ?? []
    let fromEnv = missing.contains { line in
      guard let index = expected?.lines.firstIndex(of: line), index < origins.count else { return false }
      if case .file = origins[index] { return false }
      return true
    }
    let apply: String
    if fromEnv {
      apply = "these lines come from the env (RELAY_HOST, RELAY_USER/RELAY_PASSWORD): `docker compose up -d`"
    } else if let provisioner {
      apply =
        "with ACCOUNT_PROVISIONER=\(provisioner), change detection never re-applies relay files: `docker compose restart mailserver`"
    } else {
      apply = "DMS's change detection applies relay file changes within seconds; if it did not, `docker compose restart mailserver`"
    }
    return DriftItem(kind: .table, name: path, detail: parts.joined(separator: "; "), howToApply: apply)
  }
}
