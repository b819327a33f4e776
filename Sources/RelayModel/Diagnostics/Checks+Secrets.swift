/// `VAR__FILE` variables (spec §10): ignored before 15.1, blocked by a set target, files
/// that cannot be found or read, and values change detection never sees.
extension Checks {
  static func checkFileSecrets(_ c: Context, _ out: inout [Diagnostic]) {
    let secrets = c.configuration.fileSecrets.filter {
      RelayEnvironment.relayKeys.contains($0.target) && c.env.isSet($0.variable)
    }
    guard !secrets.isEmpty else { return }
    guard c.version.readsVariablesFromFiles else {
      for secret in secrets {
        out.append(
          Diagnostic(
            .fileVariableIgnored, at: c.envLocation(secret.variable),
            "DMS \(c.version.name) ignores \(secret.variable): reading variables from files is new in 15.1, so \(secret.target) stays \(c.env.isSet(secret.target) ? "as set" : "unset")",
            fix: "set \(secret.target) itself, or upgrade DMS to 15.1 or newer"))
      }
      return
    }
    for secret in secrets {
      let applied = c.env.origins[secret.target] == secret.origin
      if !applied, c.env.isSet(secret.target) {
        let value = c.env[secret.target].isEmpty ? "empty" : "set"
        out.append(
          Diagnostic(
            .fileVariableBlocked, at: c.envLocation(secret.target),
            "\(secret.target) is \(value) (\(c.env.origins[secret.target].map { "\($0)" } ?? "environment")), so DMS skips \(secret.variable) and never reads '\(secret.containerPath)'",
            fix: "remove the '\(secret.target)=' line so the file is read"))
        continue
      }
      switch secret.content {
      case .read: break
      case .missing(let host):
        out.append(
          Diagnostic(
            .fileVariableMissing, at: c.envLocation(secret.variable),
            "\(secret.variable) names '\(secret.containerPath)', which is '\(host)' on the host and does not exist as a file, so DMS warns and leaves \(secret.target) unset",
            fix: "create '\(host)' (mode 0600) or correct \(secret.variable)"))
      case .unmapped(let reason):
        out.append(
          Diagnostic(
            .fileVariableNotPreviewed, at: c.envLocation(secret.variable),
            "\(secret.variable)='\(secret.containerPath)' cannot be previewed because \(reason); the preview treats \(secret.target) as unset",
            fix: "mount the file from the host with a volume or a compose 'secrets:' entry whose 'file:' names it"))
      case .unreadable(let host, let reason):
        out.append(
          Diagnostic(
            .fileVariableNotPreviewed, at: c.envLocation(secret.variable),
            "\(secret.variable) names '\(host)', which dms-relay cannot read (\(reason)); the preview treats \(secret.target) as unset",
            fix: "run dms-relay as a user that can read '\(host)'"))
      }
    }
    checkFileValuesOnChange(c, secrets.filter { c.env.origins[$0.target] == $0.origin }, &out)
  }

  /// Change detection's own environment lacks `RELAY_USER`, `RELAY_PASSWORD` and
  /// `RELAY_PORT` read from files: compare its rebuild with and without them (spec §10).
  static func checkFileValuesOnChange(_ c: Context, _ applied: [FileSecret], _ out: inout [Diagnostic]) {
    let lost = applied.filter { !DMSVersion.variablesInSettingsFile.contains($0.target) }
    guard !lost.isEmpty,
      c.rules.changeDetectionReappliesRelayFiles(provisioner: c.env["ACCOUNT_PROVISIONER"])
    else { return }
    var detector = c.configuration
    for secret in lost { detector.environment.remove(secret.target) }
    let seen = Generator.generate(c.configuration, family: c.version.family, path: .change)
    let actual = Generator.generate(detector, family: c.version.family, path: .change)
    let names = lost.map(\.variable).joined(separator: ", ")
    let targets = lost.map(\.target).joined(separator: ", ")
    let location = c.envLocation(lost[0].variable)
    let restart = "restart the container ('docker compose restart') after every relay file edit"
    if let before = seen.saslPasswd, let after = actual.saslPasswd {
      let credentialKeys = zip(before.textLines, before.origins).compactMap { text, origin -> String? in
        guard case .environment = origin else { return nil }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
      }
      let stillThere = zip(after.textLines, after.origins).contains { _, origin in
        if case .environment = origin { return true }
        return false
      }
      if !credentialKeys.isEmpty, !stillThere {
        out.append(
          Diagnostic(
            .fileCredentialsVanishOnChange, at: location,
            "change detection runs with the container's own environment, without \(targets) read from \(names) at start, so after an edit of \(RelayMapFile.fileName) or \(SaslPasswordFile.fileName) the credentials for '\(credentialKeys.joined(separator: "', '"))' vanish from sasl_passwd until the next restart",
            fix: "keep these credentials in \(SaslPasswordFile.fileName) instead, or \(restart)"))
        return
      }
    }
    if seen.relayhostMap != actual.relayhostMap || seen.saslPasswd?.lines != actual.saslPasswd?.lines && actual.saslPasswd != nil {
      out.append(
        Diagnostic(
          .fileCredentialsVanishOnChange, at: location,
          "change detection runs with the container's own environment, without \(targets) read from \(names) at start, so an edit of \(RelayMapFile.fileName) or \(SaslPasswordFile.fileName) rebuilds the relay tables differently (e.g. RELAY_PORT falls back to 25) until the next restart",
          fix: "set \(targets) in the environment itself, or \(restart)"))
    }
  }
}
