import Testing

@testable import RelayModel
@testable import RelayTUI

@Suite("Wizard offered on first start")
struct WizardSessionTests {
  static func loaded(env: String = "", relayMap: String? = nil, sasl: String? = nil) -> LoadedConfiguration {
    let configuration = Configuration(
      relayMap: relayMap.map { RelayMapFile(bytes: Array($0.utf8)) },
      saslPasswords: sasl.map { SaslPasswordFile(bytes: Array($0.utf8)) },
      accounts: AccountsFile(bytes: Array("u@a.test|{SHA512-CRYPT}x\n".utf8)),
      environment: EnvFile(bytes: Array(env.utf8)).environment(path: "/m.env"))
    return LoadedConfiguration(configuration: configuration, configDirectory: "/cfg", envFiles: ["/m.env"])
  }

  @Test("offered only when nothing relays: no relay map, no sasl file, no RELAY_HOST/DEFAULT_RELAY_HOST")
  func hasNoRelay() {
    #expect(WizardSession.hasNoRelay(Self.loaded()))
    #expect(WizardSession.hasNoRelay(Self.loaded(env: "RELAY_HOST=\nONE=1\n")))
    #expect(!WizardSession.hasNoRelay(Self.loaded(env: "RELAY_HOST=smtp.example.net\n")))
    #expect(!WizardSession.hasNoRelay(Self.loaded(env: "DEFAULT_RELAY_HOST=[smtp.example.net]:587\n")))
    #expect(!WizardSession.hasNoRelay(Self.loaded(relayMap: "@a.test [smtp.example.net]:587\n")))
    #expect(!WizardSession.hasNoRelay(Self.loaded(sasl: "@a.test u:p\n")))
  }
}
