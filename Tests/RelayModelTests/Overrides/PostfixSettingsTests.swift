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

  @Test("$mydomain and $myhostname read what DMS's start sets; unknown, the route cannot be previewed", arguments: VersionFamily.allCases)
  func hostNameReferences(_ family: VersionFamily) throws {
    let main = "relayhost = [smtp.$mydomain]:587\nsmtp_helo_name = $myhostname\n"
    let version = try DMSVersion.parse(family == .v11 ? "11.3.1" : family == .v12to13 ? "13.3.1" : "15.1.0")
    // More than two labels: DOMAINNAME is the host name minus its first label.
    let known = withOverrides(configuration(accounts: "u@a.test|{X}y\n", env: ["OVERRIDE_HOSTNAME": "mail.example.org"]), main: main)
    let settings = PostfixSettings(configuration: known, state: Generator.generate(known, family: family))
    #expect(settings.value("relayhost") == "[smtp.example.org]:587")
    #expect(settings.value("smtp_helo_name") == "mail.example.org")
    #expect(settings.unsetNames("relayhost").isEmpty)
    let route = try preview(known, version.name).routeFor("u@a.test")
    #expect(route.outcome == .relayed && route.nexthop == "[smtp.example.org]:587" && route.unpreviewable == nil)

    // The host name unknown: never `[smtp.]:587` as if that were the relay.
    let unknown = withOverrides(configuration(accounts: "u@a.test|{X}y\n", env: ["DOMAINNAME": "example.org"]), main: main)
    let p = try preview(unknown, version.name)
    #expect(PostfixSettings(configuration: unknown, state: Generator.generate(unknown, family: family)).unsetNames("relayhost") == ["mydomain"])
    let reason = try #require(p.routeFor("u@a.test").unpreviewable)
    #expect(reason.hasPrefix("relayhost = '[smtp.$mydomain]:587' refers to $mydomain"))
    #expect(p.first(.unpreviewableSetting)?.location == SourceLocation(file: mainCf, line: 1))
    #expect(p.first(.unpreviewableSetting)?.fix.hasPrefix("set OVERRIDE_HOSTNAME") == true)
    // A relayhost from postfix-main.cf alone is a relay configured.
    #expect(!p.has(.noRelayConfigured))
  }

  @Test("a parameter nothing sets, referred to by a routing setting, is named; one only other settings use is not")
  func unsetReference() throws {
    let config = withOverrides(
      configuration(accounts: "u@a.test|{X}y\n"), main: "relayhost = [$my_relay]:587\nsmtp_helo_name = $nobody_sets\n")
    let route = try preview(config, "15.1.0").routeFor("u@a.test")
    #expect(route.unpreviewable?.contains("refers to $my_relay, which nothing sets") == true)
    let fine = withOverrides(configuration(accounts: "u@a.test|{X}y\n"), main: "smtp_helo_name = $nobody_sets\n")
    #expect(try preview(fine, "15.1.0").routeFor("u@a.test").unpreviewable == nil)
  }
}
