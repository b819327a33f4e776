import Testing
@testable import RelayModel

@Suite("Drift between a container snapshot and the files")
struct ContainerDriftModelTests {
  static let version = try! DMSVersion.parse("15.1.0")

  /// A snapshot holding exactly what DMS writes for `config`.
  func snapshot(_ config: Configuration) -> ContainerSnapshot {
    let state = Generator.generate(config, family: Self.version.family)
    let postconf = state.postconf.map { "\($0.key) = \($0.value)\n" }.joined()
    return ContainerSnapshot(
      relayhostMap: state.relayhostMap?.bytes, saslPasswd: state.saslPasswd?.bytes, postconf: Array(postconf.utf8),
      version: "15.1.0")
  }

  @Test("another DMS release in the container is named first")
  func version() {
    let config = configuration(relayMap: "@a.test [smtp.a.test]:587\n")
    var live = snapshot(config)
    #expect(ContainerDrift.compare(live, configuration: config, version: Self.version) == [])
    live.version = "13.3.1"
    let items = ContainerDrift.compare(live, configuration: config, version: Self.version)
    #expect(items.map(\.kind) == [.version])
    #expect(items[0].detail == "the container runs DMS 13.3.1, the files were read as DMS 15.1.0 (v14+)")
  }

  @Test("with LDAP a changed relay file needs a restart; a line from RELAY_HOST needs a recreate")
  func howToApply() {
    let ldap = configuration(relayMap: "@a.test [smtp.a.test]:587\n", env: ["ACCOUNT_PROVISIONER": "LDAP"])
    var live = snapshot(ldap)
    live.relayhostMap = Array("@a.test [smtp.old.test]:587\n".utf8)
    let items = ContainerDrift.compare(live, configuration: ldap, version: Self.version)
    #expect(
      items.map(\.howToApply) == [
        "with ACCOUNT_PROVISIONER=LDAP, change detection never re-applies relay files: `docker compose restart mailserver`"
      ])
    let oidc = configuration(relayMap: "@a.test [smtp.a.test]:587\n", env: ["ACCOUNT_PROVISIONER": "OIDC"])
    var oidcLive = snapshot(oidc)
    oidcLive.relayhostMap = live.relayhostMap
    #expect(
      ContainerDrift.compare(oidcLive, configuration: oidc, version: Self.version).map(\.howToApply) == [
        "with ACCOUNT_PROVISIONER=OIDC, change detection never re-applies relay files: `docker compose restart mailserver`"
      ])
    let env = configuration(accounts: "u@b.test|{PLAIN}x\n", env: ["RELAY_HOST": "smtp.b.test"])
    var old = snapshot(env)
    old.relayhostMap = []
    let envItems = ContainerDrift.compare(old, configuration: env, version: Self.version)
    #expect(envItems.first?.detail == "the container lacks '@b.test    [smtp.b.test]:25'")
    #expect(envItems.first?.howToApply.hasSuffix("`docker compose up -d`") == true)
  }

  @Test("a relay setting the files no longer give is still drift (the container was created from an older env)")
  func staleSetting() {
    let config = configuration(relayMap: "@a.test [smtp.a.test]:587\n")
    var live = snapshot(config)
    live.postconf += Array("relayhost = [smtp.old.test]:587\n".utf8)
    let items = ContainerDrift.compare(live, configuration: config, version: Self.version)
    #expect(items.map(\.name) == ["relayhost"])
    #expect(items[0].detail == "the container has '[smtp.old.test]:587', the files leave it unset")
  }
}
