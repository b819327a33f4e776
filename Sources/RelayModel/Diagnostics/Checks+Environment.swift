extension Checks {
  /// The v11–v13 trap: everything hangs on `RELAY_HOST` (spec §3, §4).
  static func checkRelayHostDependency(_ c: Context, _ out: inout [Diagnostic]) {
    let env = c.env
    if c.rules.relayMapNeedsRelayHost, c.relayHostSet, c.router.smtpClientDies {
      out.append(
        Diagnostic(
          .noCredentialsSmtpDies, at: c.envLocation("RELAY_HOST"),
          "no outbound mail will leave: RELAY_HOST is set without credentials, so DMS \(c.version.name) sets smtp_sasl_auth_enable = yes without a password table and Postfix's smtp client exits ('specify a password table') — relayed and direct mail alike",
          fix: PostfixFacts.credentialsStillNeeded(
            "add credentials (dms-relay add-auth DOMAIN USER, or RELAY_USER and RELAY_PASSWORD)", upgrade: c.rules.upgradeHint)))
    }
    guard c.rules.relayMapNeedsRelayHost, !c.relayHostSet else { return }
    if let first = c.relayMapLines.firstIndex(where: { RelayMapFile.passesStrictFilter($0.body) }) {
      let defaultNote =
        env["DEFAULT_RELAY_HOST"].isEmpty
        ? "mail goes out directly" : "mail goes to DEFAULT_RELAY_HOST \(env["DEFAULT_RELAY_HOST"])"
      out.append(
        Diagnostic(
          .relayMapIgnored, at: c.location(RelayMapFile.fileName, first),
          "DMS \(c.version.name) ignores postfix-relaymap.cf because RELAY_HOST is empty: \(defaultNote) although the file looks right",
          fix: c.rules.fix(
            "set RELAY_HOST (the default relay) and exclude the domains that should go direct with 'dms-relay exclude-domain'",
            " where the relay map works alone")))
    }
    if let first = c.saslLines.firstIndex(where: { DMSShell.isValidLine($0.body) }) {
      out.append(
        Diagnostic(
          .saslFileIgnored, at: c.location(SaslPasswordFile.fileName, first),
          "DMS \(c.version.name) ignores postfix-sasl-password.cf because RELAY_HOST is empty: no credentials are sent",
          fix: c.rules.fix("set RELAY_HOST")))
    }
    if !env["DEFAULT_RELAY_HOST"].isEmpty, env.hasEnvCredentials {
      out.append(
        Diagnostic(
          .envCredentialsUnused, at: c.envLocation("RELAY_USER"),
          "RELAY_USER and RELAY_PASSWORD are never used with DEFAULT_RELAY_HOST on DMS \(c.version.name): mail to \(env["DEFAULT_RELAY_HOST"]) goes without AUTH",
          fix: c.rules.fix("use RELAY_HOST and RELAY_PORT instead of DEFAULT_RELAY_HOST")))
    }
  }

  static func checkEnvironment(_ c: Context, _ out: inout [Diagnostic]) {
    let env = c.env
    let relayHost = env["RELAY_HOST"]
    if relayHost.contains(":") || relayHost.contains("[") || relayHost.contains("]") {
      out.append(
        Diagnostic(
          .relayHostHasPort, at: c.envLocation("RELAY_HOST"),
          "RELAY_HOST='\(relayHost)' becomes '\(env.envRelayHost)' (DMS always adds brackets and RELAY_PORT), which Postfix cannot parse",
          fix: "set RELAY_HOST to the bare host name and the port in RELAY_PORT"))
    }
    if env["RELAY_USER"].isEmpty != env["RELAY_PASSWORD"].isEmpty {
      let set = env["RELAY_USER"].isEmpty ? "RELAY_PASSWORD" : "RELAY_USER"
      let missing = set == "RELAY_USER" ? "RELAY_PASSWORD" : "RELAY_USER"
      out.append(
        Diagnostic(
          .halfEnvCredentials, at: c.envLocation(set),
          "\(set) is set but \(missing) is empty, so DMS silently uses no credentials from the environment",
          fix: "set \(missing) too, or put the credentials in postfix-sasl-password.cf with 'dms-relay add-auth'"))
    }
    if c.relayHostSet, env.hasEnvCredentials, c.rules.envCredentialsKey(env)?.variable == "DEFAULT_RELAY_HOST" {
      out.append(
        Diagnostic(
          .credentialsKeyedToDefaultRelay, at: c.envLocation("DEFAULT_RELAY_HOST"),
          "with both DEFAULT_RELAY_HOST and RELAY_HOST set, DMS keys RELAY_USER's credentials to \(env["DEFAULT_RELAY_HOST"]); mail mapped to \(env.envRelayHost) has none",
          fix: "add '\(env.envRelayHost) USER:PASSWORD' to postfix-sasl-password.cf, or keep only one of the two variables"))
    }
    if env["ACCOUNT_PROVISIONER"] == "LDAP", c.relayHostSet {
      let what =
        c.rules.managedDomains == .accountsAndVirtualStream
        ? "DMS \(c.version.name) maps no LDAP domains to RELAY_HOST (it reads only postfix-accounts.cf and postfix-virtual.cf)"
        : "DMS maps only \(env.derivedDomainName.map { "'\($0)'" } ?? "the container's domain") to RELAY_HOST; other LDAP domains are not mapped"
      out.append(
        Diagnostic(
          .ldapWithRelayHost, at: c.envLocation("ACCOUNT_PROVISIONER"), what,
          fix: "use DEFAULT_RELAY_HOST for a relay that all mail should use"))
    }
    let provisioner = env["ACCOUNT_PROVISIONER"]
    if !c.rules.changeDetectionReappliesRelayFiles(provisioner: provisioner),
      c.configuration.relayMap != nil || c.configuration.saslPasswords != nil
    {
      out.append(
        Diagnostic(
          .relayFilesApplyAtRestart, at: c.envLocation("ACCOUNT_PROVISIONER"),
          c.rules.relayFilesApplyAtRestart(version: c.version, provisioner: provisioner),
          fix: "restart the container after editing the relay files"))
    }
    if !env["SASL_PASSWD"].isEmpty {
      let note =
        c.rules.readsSaslPasswdVariable
        ? (c.relayHostSet ? nil : "SASL_PASSWD is only read when RELAY_HOST is set")
        : "SASL_PASSWD was removed in DMS 12 and is ignored by \(c.version.name)"
      if let note {
        out.append(
          Diagnostic(
            .legacySaslPasswd, at: c.envLocation("SASL_PASSWD"), note,
            fix: "move the credentials into postfix-sasl-password.cf with 'dms-relay add-auth'"))
      }
    }
    for name in c.state.modifiedInputs {
      out.append(
        Diagnostic(
          .inputsRewritten, at: SourceLocation(file: name),
          "DMS \(c.version.name) rewrites \(name) in place at start (CRLF to LF, final newline added)",
          fix: "save the file with LF line endings and a final newline"))
    }
  }
}
