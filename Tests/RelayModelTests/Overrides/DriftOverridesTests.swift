import Testing
@testable import RelayModel

@Suite("Drift against a container that applied postfix-main.cf")
struct DriftOverridesTests {
  let version = try! DMSVersion.parse("15.1.0")

  func live(_ postconf: String, _ config: Configuration) -> ContainerSnapshot {
    let state = Generator.generate(config, family: version.family)
    return ContainerSnapshot(
      relayhostMap: state.relayhostMap?.bytes, saslPasswd: state.saslPasswd?.bytes, postconf: Array(postconf.utf8),
      version: "15.1.0")
  }

  @Test("an overridden value in the container is no drift; the relay setup's value there is")
  func overriddenValue() {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n"), main: "relayhost = [o.test]:587\n")
    let maps = "sender_dependent_relayhost_maps = texthash:/etc/postfix/relayhost_map\n"
    #expect(ContainerDrift.compare(live(maps + "relayhost = [o.test]:587\n", config), configuration: config, version: version) == [])
    let stale = ContainerDrift.compare(live(maps, config), configuration: config, version: version)
    #expect(stale.map(\.name) == ["relayhost"])
    #expect(stale.first?.detail == "the container leaves it unset, the files give '[o.test]:587'")
  }

  @Test("a line without '=' left main.cf empty: the relay settings are expected absent")
  func emptied() {
    let config = withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "oops\n")
    #expect(ContainerDrift.compare(live("", config), configuration: config, version: version) == [])
  }
}
