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
    #expect(VersionFamily.allCases.map(\.rules.relayMapNeedsRelayHost) == [true, true, false])
    #expect(VersionFamily.allCases.map(\.rules.readsSaslPasswdVariable) == [true, false, false])
    #expect(VersionFamily.allCases.map(\.rules.normalisesInputsInPlace) == [false, false, true])
    #expect(VersionFamily.allCases.map(\.rules.changeDetectionAppliesSASLSettings) == [false, false, true])
    #expect(VersionFamily.allCases.map(\.rules.encryptTrigger) == ["RELAY_HOST is set", "RELAY_HOST is set", "credentials are configured"])
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
}
