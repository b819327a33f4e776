import Testing
@testable import RelayModel

/// What each family's rules answer, written down from the spec (§2–§4): the one place the
/// families differ is itself specified.
@Suite("Version rules per family")
struct VersionRulesTests {
  static func env(_ values: [String: String]) -> RelayEnvironment {
    var environment = RelayEnvironment()
    for (key, value) in values { environment.set(key, value, origin: .envFile(path: "mailserver.env", line: 1)) }
    return environment
  }

  @Test("before 14 the relay map hangs on RELAY_HOST, from 14 it works alone")
  func relayHostDependency() {
    #expect(VersionFamily.allCases.map(\.rules.relayMapNeedsRelayHost) == [true, true, false, false])
    #expect(VersionFamily.allCases.map(\.rules.readsSaslPasswdVariable) == [true, false, false, false])
    #expect(VersionFamily.allCases.map(\.rules.normalisesInputsInPlace) == [false, false, true, true])
    #expect(VersionFamily.allCases.map(\.rules.changeDetectionAppliesSASLSettings) == [false, false, true, true])
    #expect(VersionFamily.allCases.map(\.rules.encryptTrigger) == ["RELAY_HOST is set", "RELAY_HOST is set", "credentials are configured", "credentials are configured"])
  }

  @Test("the env credentials are keyed to RELAY_HOST before 14, to DEFAULT_RELAY_HOST first from 14")
  func envCredentialsKey() {
    let both = Self.env(["RELAY_HOST": "r.test", "RELAY_PORT": "587", "DEFAULT_RELAY_HOST": "[d.test]:2525"])
    #expect(VersionFamily.v12to13.rules.envCredentialsKey(both)?.key == "[r.test]:587")
    #expect(VersionFamily.v12to13.rules.envCredentialsKey(both)?.variable == "RELAY_HOST")
    #expect(VersionFamily.v14plus.rules.envCredentialsKey(both)?.key == "[d.test]:2525")
    #expect(VersionFamily.v14plus.rules.envCredentialsKey(both)?.variable == "DEFAULT_RELAY_HOST")
    let onlyDefault = Self.env(["DEFAULT_RELAY_HOST": "[d.test]:2525"])
    #expect(VersionFamily.v11.rules.envCredentialsKey(onlyDefault) == nil)
    #expect(VersionFamily.v14plus.rules.envCredentialsKey(onlyDefault)?.key == "[d.test]:2525")
    #expect(VersionFamily.v14plus.rules.envCredentialsKey(Self.env([:])) == nil)
    #expect(VersionFamily.v14plus.rules.envCredentialsRelay(relayHost: 1, defaultRelay: 2) == 2)
    #expect(VersionFamily.v12to13.rules.envCredentialsRelay(relayHost: 1, defaultRelay: 2) == 1)
  }

  @Test("the domain check's grep and what makes it match other domains")
  func domainCheck() {
    let legacy = VersionFamily.v12to13.rules.domainCheck("a.test")
    #expect(legacy.grep == "grep '^@a.test\\b'")
    #expect(legacy.caveat.hasPrefix("'\\b' stops at a dot or hyphen"))
    let modern = VersionFamily.v14plus.rules.domainCheck("a.test")
    #expect(modern.grep == "grep -E '^@a.test\\s+'")
    #expect(modern.caveat == "each '.' matches any character")
  }

  @Test("the upgrade hint is offered only where an upgrade removes the quirk")
  func upgradeHint() {
    #expect(VersionFamily.v11.rules.fix("set RELAY_HOST") == "set RELAY_HOST, or upgrade DMS to 14 or newer")
    #expect(VersionFamily.v12to13.rules.fix("a", orUpgrade: " or ", " because") == "a or upgrade DMS to 14 or newer because")
    #expect(VersionFamily.v14plus.rules.fix("set RELAY_HOST") == "set RELAY_HOST")
  }

  @Test("after writing: recreate for env changes, restart before 14, nothing from 14 unless credentials went")
  func nextSteps() throws {
    let v13 = try DMSVersion.parse("13.3.1")
    let v15 = try DMSVersion.parse("15.1.0")
    let env = VersionFamily.v14plus.rules.nextSteps(
      version: v15, changesEnvironment: true, changesFiles: true, removesAllCredentials: true)
    #expect(env.count == 1 && env[0].hasPrefix("The environment changed: recreate the container"))
    let legacy = VersionFamily.v12to13.rules.nextSteps(
      version: v13, changesEnvironment: false, changesFiles: true, removesAllCredentials: false)
    #expect(legacy.count == 1 && legacy[0].contains("restart the container"))
    let modern = VersionFamily.v14plus.rules.nextSteps(
      version: v15, changesEnvironment: false, changesFiles: true, removesAllCredentials: true)
    #expect(modern.count == 2 && modern[0].contains("no restart needed") && modern[1].contains("stay until the container restarts"))
    #expect(
      VersionFamily.v14plus.rules.nextSteps(
        version: v15, changesEnvironment: false, changesFiles: false, removesAllCredentials: false) == [])
  }

  @Test("the generator follows the rules: change detection re-applies SASL settings only from 14")
  func generatorFollowsChangeDetectionRule() {
    let config = configuration(sasl: "@a.test u:p\n", accounts: "u@a.test|{X}y\n", env: ["RELAY_HOST": "r.test"])
    for family in VersionFamily.allCases {
      let change = Generator.generate(config, family: family, path: .change)
      #expect((change.setting("smtp_tls_security_level") == "encrypt") == family.rules.changeDetectionAppliesSASLSettings)
      #expect(Generator.generate(config, family: family, path: .startup).setting("smtp_tls_security_level") == "encrypt")
    }
  }

  @Test("edge is its own version: selected by 'edge' only, Postfix 3.10, change detector for every provisioner")
  func edgeIsItsOwnVersion() throws {
    #expect(try DMSVersion.parse("edge") == DMSVersion(name: "edge", family: .edge))
    #expect(try DMSVersion.parse("EDGE").family == .edge)
    #expect(try DMSVersion.parse("latest").family == .v14plus)
    #expect(try DMSVersion.parse("15.1.0").family == .v14plus)
    #expect(DMSVersion.representative(of: .edge).name == "edge")
    #expect(VersionFamily.allCases.map(\.rules.changeDetectionRunsForEveryProvisioner) == [false, false, false, true])
    #expect(VersionFamily.allCases.map(\.rules.honoursTLSRequiredHeader) == [false, false, false, true])
    #expect(VersionFamily.edge.rules.platform.contains("compatibility_level = 3.10"))
    #expect(VersionFamily.v14plus.rules.platform == "Debian 12, Postfix 3.7")
    #expect(VersionChoices(detected: nil).versions.map(\.name) == ["11.3.1", "13.3.1", "15.1.0", "edge"])
  }

  @Test("edge generates what 15.1.0 generates, at start and on change detection, for every fixture")
  func edgeGeneratesLike15() throws {
    let names = Set(Fixtures.expectations.map(\.caseName))
    #expect(names.count > 10)
    for name in names.sorted() {
      let config = try Fixtures.configuration(name)
      for path in [GenerationPath.startup, .change] {
        let modern = Generator.generate(config, family: .v14plus, path: path)
        let edge = Generator.generate(config, family: .edge, path: path)
        #expect(edge.relayhostMap?.textLines == modern.relayhostMap?.textLines, "\(name) \(path)")
        #expect(edge.saslPasswd?.textLines == modern.saslPasswd?.textLines, "\(name) \(path)")
        #expect(edge.postconf == modern.postconf, "\(name) \(path)")
        #expect(edge.modifiedInputs == modern.modifiedInputs, "\(name) \(path)")
      }
    }
  }

  @Test("on edge the encrypt warning names Postfix 3.10's TLS-Required: no header; on 15.1.0 it does not")
  func edgeExplainsTLSRequired() {
    let config = configuration(
      relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n", accounts: "u@a.test|{X}y\nv@b.test|{X}y\n", env: [:])
    for family in [VersionFamily.v14plus, .edge] {
      let router = Router(state: Generator.generate(config, family: family))
      let direct = router.route("v@b.test")
      #expect(direct.outcome == .direct)
      let warning = direct.warnings.first { $0.code == "encrypt-direct" }
      #expect(warning != nil)
      #expect((warning?.message.contains("TLS-Required: no") ?? false) == (family == .edge))
    }
  }

  @Test("v11: SASL_PASSWD alone (no sasl file, no RELAY_USER/RELAY_PASSWORD) is enough for _relayhost_sasl")
  func saslPasswdAloneIsEnoughOnV11() {
    let config = configuration(
      accounts: "u@a.test|{X}y\n", env: ["RELAY_HOST": "r.test", "SASL_PASSWD": "[r.test]:25 legacy:secret"])
    let v11 = Generator.generate(config, family: .v11)
    #expect(v11.saslPasswd?.textLines == ["[r.test]:25 legacy:secret"])
    #expect(v11.setting("smtp_sasl_password_maps") == "texthash:/etc/postfix/sasl_passwd")
    #expect(v11.setting("smtp_sender_dependent_authentication") == nil)
    let v13 = Generator.generate(config, family: .v12to13)
    #expect(v13.saslPasswd == nil)
    #expect(v13.setting("smtp_sasl_password_maps") == nil)
  }

  @Test("with a provisioner other than FILE, relay file edits wait for the restart at every version")
  func provisionersOtherThanFileWaitForRestart() throws {
    for family in VersionFamily.allCases {
      let rules = family.rules
      #expect(rules.changeDetectionReappliesRelayFiles(provisioner: ""))
      #expect(rules.changeDetectionReappliesRelayFiles(provisioner: "FILE"))
      #expect(!rules.changeDetectionReappliesRelayFiles(provisioner: "LDAP"))
      #expect(!rules.changeDetectionReappliesRelayFiles(provisioner: "OIDC"))
      let version = DMSVersion.representative(of: family)
      let steps = rules.nextSteps(
        version: version, changesEnvironment: false, changesFiles: true, removesAllCredentials: false,
        provisioner: "LDAP")
      #expect(steps.count == 1)
      #expect(steps[0].contains("With ACCOUNT_PROVISIONER=LDAP"))
      #expect(steps[0].contains("takes effect at the next restart"))
      #expect(steps[0].contains("skips the relay files") == (family == .edge))
      let file = rules.nextSteps(
        version: version, changesEnvironment: false, changesFiles: true, removesAllCredentials: false,
        provisioner: "FILE")
      #expect(!file.joined().contains("next restart"))
    }
  }

  @Test("the write confirmation says 'takes effect at the next restart' for relay files under LDAP only")
  func writeConfirmationNamesRestart() throws {
    let relayMap = WritePlan.File(
      path: "cfg/postfix-relaymap.cf", kind: .relayMap, originalBytes: Array("a\n".utf8), newBytes: Array("b\n".utf8),
      existed: true)
    let env = WritePlan.File(
      path: "mailserver.env", kind: .envFile, originalBytes: Array("A=1\n".utf8), newBytes: Array("A=2\n".utf8),
      existed: true)
    let edge = try DMSVersion.parse("edge")
    let ldap = Confirmation.write(WritePlan(files: [relayMap]), version: edge, provisioner: "LDAP")
    #expect(ldap.lines.contains { $0.contains("takes effect at the next restart") })
    let file = Confirmation.write(WritePlan(files: [relayMap]), version: edge, provisioner: "FILE")
    #expect(!file.lines.contains { $0.contains("next restart") })
    let envOnly = Confirmation.write(WritePlan(files: [env]), version: edge, provisioner: "LDAP")
    #expect(!envOnly.lines.contains { $0.contains("next restart") })
  }
}
