import Testing
@testable import RelayModel

@Suite("Postfix settings composed per path: baseline, relay setup, overrides, change detection")
struct PostfixSettingsTests {
  let relay = configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n")

  @Test("without a configuration: DMS's baseline under the relay setup")
  func baseline() {
    let settings = PostfixSettings(state: Generator.generate(configuration(), family: .v14plus))
    #expect(settings.raw("relayhost") == "")
    #expect(settings.raw("recipient_delimiter") == "+")
    #expect(settings.raw("smtp_tls_security_level") == "may")
    #expect(settings.values["relayhost"]?.source == .dmsBaseline)
  }

  @Test("after a restart the admin's values win over the relay setup's", arguments: VersionFamily.allCases)
  func overridesWinAtStart(_ family: VersionFamily) {
    let config = withOverrides(relay, main: "smtp_tls_security_level = may\nrelayhost = [o.test]:587\n")
    let settings = PostfixSettings(configuration: config, state: Generator.generate(config, family: family))
    #expect(settings.raw("smtp_tls_security_level") == "may")
    #expect(settings.values["smtp_tls_security_level"]?.source == .override(line: 1))
    #expect(settings.raw("relayhost") == "[o.test]:587")
  }

  @Test("after change detection the relay setup's values are back on top (v14+ re-applies encrypt)")
  func changeDetectionReapplies() {
    let config = withOverrides(relay, main: "smtp_tls_security_level = may\nrelayhost = [o.test]:587\n")
    let state = Generator.generate(config, family: .v14plus, path: .change)
    let settings = PostfixSettings(configuration: config, state: state)
    #expect(settings.raw("smtp_tls_security_level") == "encrypt")
    #expect(settings.values["smtp_tls_security_level"]?.source == .changeDetection)
    // The relay setup never writes relayhost on v14+ change detection: the override stays.
    #expect(settings.raw("relayhost") == "[o.test]:587")
  }

  @Test("v11–v13 change detection does not re-apply encrypt: the override survives")
  func changeDetectionV13() {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n", env: ["RELAY_HOST": "r.test"]),
      main: "smtp_tls_security_level = may\n")
    let settings = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v12to13, path: .change))
    #expect(settings.raw("smtp_tls_security_level") == "may")
  }

  @Test("a line without '=' empties main.cf at start; change detection then writes the relay setup alone")
  func emptied() {
    let config = withOverrides(relay, main: "relayhost = [o.test]:587\nsmtp_tls_wrappermode yes\n")
    let start = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v14plus))
    #expect(start.emptiedBy?.line == 2)
    #expect(start.values.isEmpty)
    let change = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v14plus, path: .change))
    #expect(change.raw("sender_dependent_relayhost_maps") == "texthash:/etc/postfix/relayhost_map")
    #expect(change.raw("relayhost") == nil)
  }

  @Test("$name and ${name} expand from the other settings; a loop stops")
  func expansion() {
    let config = withOverrides(
      configuration(), main: "myrelay = [o.test]\nrelayhost = ${myrelay}:$port\nport = 587\nloop = $loop\n")
    let settings = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v14plus))
    #expect(settings.value("relayhost") == "[o.test]:587")
    #expect(settings.value("loop") == "")
  }

  @Test("a master.cf -o override wins for its service only")
  func serviceOverride() {
    let config = withOverrides(
      configuration(), main: "smtp_tls_security_level = may\n", master: "relay/unix/smtp_tls_security_level=encrypt\n")
    let settings = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v14plus))
    #expect(settings.value("smtp_tls_security_level", service: "relay/unix") == "encrypt")
    #expect(settings.value("smtp_tls_security_level", service: "smtp/unix") == "may")
  }
}
