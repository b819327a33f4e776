/// Computes the Postfix state DMS of a given family produces from a configuration.
///
/// This is a literal model of DMS's `helpers/relay.sh` per release family (spec §3),
/// quirks included: the preview must show what really happens, never an improved version.
public enum Generator {
  public static let relayhostMapPath = "/etc/postfix/relayhost_map"
  public static let saslPasswdPath = "/etc/postfix/sasl_passwd"

  public static func generate(
    _ configuration: Configuration, family: VersionFamily, path: GenerationPath = .startup
  ) -> GeneratedState {
    let rules = family.rules
    return rules.relayMapNeedsRelayHost
      ? relayHostDriven(configuration, rules: rules, path: path)
      : relayMapDriven(configuration, rules: rules, path: path)
  }

  // MARK: v11 and v12-13

  /// Everything hangs on `RELAY_HOST` (spec §3, "v11 and v12-13").
  private static func relayHostDriven(
    _ config: Configuration, rules: VersionRules, path: GenerationPath
  ) -> GeneratedState {
    let family = rules.family
    let env = config.environment
    var postconf: [PostconfSetting] = []
    if path == .startup, !env["DEFAULT_RELAY_HOST"].isEmpty {
      postconf.append(PostconfSetting("relayhost", env["DEFAULT_RELAY_HOST"]))
    }
    let domains = ManagedDomains.legacyStream(accounts: config.accounts, virtual: config.virtual)
    guard !env["RELAY_HOST"].isEmpty else {
      return GeneratedState(
        family: family, path: path, relayhostMap: nil, saslPasswd: nil, postconf: postconf,
        modifiedInputs: [], managedDomainBytes: domains)
    }

    // _relayhost_sasl
    var sasl: GeneratedTable?
    let legacyLine = rules.readsSaslPasswdVariable ? env["SASL_PASSWD"] : ""
    if config.saslPasswords != nil || env.hasEnvCredentials || !legacyLine.isEmpty {
      var table = GeneratedTable()
      if !legacyLine.isEmpty {
        table.append(Array(legacyLine.utf8), terminated: true, origin: .environment(["SASL_PASSWD"]))
      }
      if let file = config.saslPasswords {
        appendValidLines(of: file.document.lines, from: SaslPasswordFile.fileName, to: &table)
        postconf.append(PostconfSetting("smtp_sender_dependent_authentication", "yes"))
      }
      appendEnvCredentials(env, rules: rules, to: &table)
      postconf.append(PostconfSetting("smtp_sasl_password_maps", "texthash:\(saslPasswdPath)"))
      sasl = table
    }

    // _populate_relayhost_map
    let (map, blocked) = populateRelayhostMap(
      config, domains: domains, ending: rules.domainCheckEnding, relayHost: env.envRelayHost)
    postconf.append(PostconfSetting("sender_dependent_relayhost_maps", "texthash:\(relayhostMapPath)"))

    // _relayhost_configure_postfix runs at startup only.
    if path == .startup || rules.changeDetectionAppliesSASLSettings { postconf += enforcementSettings }
    return GeneratedState(
      family: family, path: path, relayhostMap: map, saslPasswd: sasl, postconf: postconf,
      modifiedInputs: [], managedDomainBytes: domains, blockedDomains: blocked)
  }

  // MARK: v14+

  /// The relay map works alone; credentials switch on SASL and `encrypt` (spec §3, "v14+").
  private static func relayMapDriven(
    _ config: Configuration, rules: VersionRules, path: GenerationPath
  ) -> GeneratedState {
    let env = config.environment
    var postconf: [PostconfSetting] = []
    var modified: Set<String> = []

    // /etc/postfix/vhost is rebuilt (startup, and by change detection) before relaying.
    let accounts = config.accounts.map { normalised($0.document, AccountsFile.fileName, rules, &modified) }
    let virtual = config.virtual.map { normalised($0.document, VirtualFile.fileName, rules, &modified) }
    let domains = ManagedDomains.vhost(
      accounts: accounts?.lines, virtual: virtual?.lines, environment: env)

    if path == .startup, !env["DEFAULT_RELAY_HOST"].isEmpty {
      postconf.append(PostconfSetting("relayhost", env["DEFAULT_RELAY_HOST"]))
    }
    guard config.relayMap != nil || !env["DEFAULT_RELAY_HOST"].isEmpty || !env["RELAY_HOST"].isEmpty
    else {
      return GeneratedState(
        family: rules.family, path: path, relayhostMap: nil, saslPasswd: nil, postconf: postconf,
        modifiedInputs: modified.sorted(), managedDomainBytes: domains)
    }

    var sasl: GeneratedTable?
    if config.saslPasswords != nil || env.hasEnvCredentials {
      var table = GeneratedTable()
      if let file = config.saslPasswords {
        let document = normalised(file.document, SaslPasswordFile.fileName, rules, &modified)
        appendValidLines(of: document.lines, from: SaslPasswordFile.fileName, to: &table)
        postconf.append(PostconfSetting("smtp_sender_dependent_authentication", "yes"))
      }
      appendEnvCredentials(env, rules: rules, to: &table)
      postconf.append(PostconfSetting("smtp_sasl_password_maps", "texthash:\(saslPasswdPath)"))
      if path == .startup || rules.changeDetectionAppliesSASLSettings { postconf += enforcementSettings }
      sasl = table
    }

    let (map, blocked) = populateRelayhostMap(
      config, domains: env["RELAY_HOST"].isEmpty ? [] : domains, ending: rules.domainCheckEnding,
      relayHost: env.envRelayHost)
    postconf.append(PostconfSetting("sender_dependent_relayhost_maps", "texthash:\(relayhostMapPath)"))
    return GeneratedState(
      family: rules.family, path: path, relayhostMap: map, saslPasswd: sasl, postconf: postconf,
      modifiedInputs: modified.sorted(), managedDomainBytes: domains, blockedDomains: blocked)
  }

  // MARK: Shared steps

  /// `smtp_sasl_auth_enable`, `noanonymous` and `encrypt`: set together, never unset.
  static let enforcementSettings = [
    PostconfSetting("smtp_sasl_auth_enable", "yes"),
    PostconfSetting("smtp_sasl_security_options", "noanonymous"),
    PostconfSetting("smtp_tls_security_level", "encrypt"),
  ]

  /// `RELAY_USER`/`RELAY_PASSWORD` as one line keyed to the relay the rules name.
  private static func appendEnvCredentials(
    _ env: RelayEnvironment, rules: VersionRules, to table: inout GeneratedTable
  ) {
    guard env.hasEnvCredentials, let (variable, key) = rules.envCredentialsKey(env) else { return }
    table.append(
      Array("\(key)    \(env["RELAY_USER"]):\(env["RELAY_PASSWORD"])".utf8), terminated: true,
      origin: .environment([variable, "RELAY_USER", "RELAY_PASSWORD"].map(env.sourceName(of:))))
  }

  /// The file as DMS reads it: normalised in place first where the rules say so.
  private static func normalised(
    _ document: TextDocument, _ name: String, _ rules: VersionRules, _ modified: inout Set<String>
  ) -> TextDocument {
    guard rules.normalisesInputsInPlace else { return document }
    let result = DMSShell.normalisedForV14(document)
    if result.changed { modified.insert(name) }
    return result.document
  }

  /// `_get_valid_lines_from_file FILE >> table`: grep terminates every line it prints.
  private static func appendValidLines(
    of lines: [Line], from name: String, to table: inout GeneratedTable
  ) {
    for (index, line) in lines.enumerated() where DMSShell.isValidLine(line.body) {
      table.append(line.body, terminated: true, origin: .file(name: name, line: index + 1))
    }
  }

  /// The strict-filter copy of `postfix-relaymap.cf`, then one `@domain    [RELAY_HOST]:PORT`
  /// line per managed domain that neither an existing line nor an opt-out covers; and the
  /// domains an existing line covered.
  private static func populateRelayhostMap(
    _ config: Configuration, domains: [ArraySlice<UInt8>], ending: LinePrefixIndex.Ending, relayHost: String
  ) -> (GeneratedTable, [BlockedDomain]) {
    let relayMapLines = config.relayMap?.document.lines ?? []
    var table = GeneratedTable(expectedLines: relayMapLines.count + domains.count)
    for (index, line) in relayMapLines.enumerated() where RelayMapFile.passesStrictFilter(line.body) {
      table.append(
        line.body, terminated: line.hasNewline,
        origin: .file(name: RelayMapFile.fileName, line: index + 1))
    }
    guard !domains.isEmpty else { return (table, []) }

    let depth = domains.reduce(0) { max($0, $1.count) } + 3
    var existing = LinePrefixIndex(depthLimit: depth, expectedLines: relayMapLines.count + domains.count)
    // In byte order, as the domains are looked up: the trie's nodes then lie in memory in the
    // order they are visited (the admin's lines can be in any order).
    var lines = LineStream(capacity: table.lines.count)
    for line in table.lines { lines.append(line[...], terminated: true) }
    for line in lines.sortedLines(unique: false) { existing.insert(line) }
    // `grep "^\s*@${DOMAIN}\s*$" postfix-relaymap.cf`: opt-outs, read from the admin's file.
    var optOuts = LinePrefixIndex(depthLimit: depth)
    for line in relayMapLines {
      let trimmed = Bytes.trimmed(line.body[...])
      if trimmed.first == UInt8(ascii: "@") { optOuts.insert(trimmed) }
    }

    var blocked: [BlockedDomain] = []
    let relaySuffix = Array("    \(relayHost)".utf8)
    for domain in domains {
      let pattern = DomainPattern(domain: domain)
      if existing.matches(pattern, ending: ending) {
        blocked.append(BlockedDomain(bytes: domain, tableLines: table.lines.count))
        continue
      }
      if optOuts.matches(pattern, ending: .endOfLine) {
        blocked.append(BlockedDomain(bytes: domain, tableLines: table.lines.count, byOptOut: true))
        continue
      }
      let wasOpen = table.isOpen
      let before = wasOpen ? table.lines.last : nil
      var line: [UInt8] = []
      line.reserveCapacity(1 + domain.count + relaySuffix.count)
      line.append(UInt8(ascii: "@"))
      line.append(contentsOf: domain)
      line.append(contentsOf: relaySuffix)
      let index = table.append(line, terminated: true, origin: .generatedForDomain(Bytes.string(domain)))
      if let before { existing.remove(before) }
      existing.insert(table.lines[index])
    }
    return (table, blocked)
  }
}
