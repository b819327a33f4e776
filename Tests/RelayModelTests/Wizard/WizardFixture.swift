@testable import RelayModel

/// In-memory configurations and key helpers for the wizard's reducer tests.
enum WizardFixture {
  static let configDirectory = "/cfg"
  static let envFile = "/m.env"

  /// Accounts in a.test, b.test and c.test; an env file without relay settings.
  static func loaded(version: String? = "13.3.1", env: String = "ONE=1\n") -> LoadedConfiguration {
    let accounts = "u@a.test|{SHA512-CRYPT}x\nu@b.test|{SHA512-CRYPT}x\nu@c.test|{SHA512-CRYPT}x\n"
    let configuration = Configuration(
      accounts: AccountsFile(bytes: Array(accounts.utf8)),
      environment: EnvFile(bytes: Array(env.utf8)).environment(path: envFile))
    return LoadedConfiguration(
      configuration: configuration, configDirectory: configDirectory, envFiles: [envFile],
      version: version.map { try! DMSVersion.parse($0) }, versionSource: version == nil ? nil : .commandLine,
      originals: [
        envFile: Array(env.utf8), "\(configDirectory)/postfix-accounts.cf": Array(accounts.utf8),
      ])
  }

  static func state(version: String? = "13.3.1", offering: Bool = false) -> WizardStore {
    WizardStore(loaded: loaded(version: version), size: Size(rows: 24, columns: 80), offering: offering)
  }
}
