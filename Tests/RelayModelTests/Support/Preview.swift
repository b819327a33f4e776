@testable import RelayModel

/// Builds a preview of a fixture (or of inline files) for tests.
func preview(fixture name: String, version: String) throws -> RoutingPreview {
  RoutingPreview(configuration: try Fixtures.configuration(name), version: try DMSVersion.parse(version))
}

func configuration(
  relayMap: String? = nil, sasl: String? = nil, accounts: String? = nil, virtual: String? = nil,
  env: [String: String] = [:]
) -> Configuration {
  var environment = RelayEnvironment()
  for (key, value) in env { environment.set(key, value, origin: .envFile(path: "mailserver.env", line: 1)) }
  return Configuration(
    relayMap: relayMap.map { RelayMapFile(bytes: Array($0.utf8)) },
    saslPasswords: sasl.map { SaslPasswordFile(bytes: Array($0.utf8)) },
    accounts: accounts.map { AccountsFile(bytes: Array($0.utf8)) },
    virtual: virtual.map { VirtualFile(bytes: Array($0.utf8)) },
    environment: environment)
}

func preview(_ config: Configuration, _ version: String) throws -> RoutingPreview {
  RoutingPreview(configuration: config, version: try DMSVersion.parse(version))
}

extension RoutingPreview {
  func routeFor(_ sender: String) -> Route { route(sender) }
  func has(_ id: DiagnosticID) -> Bool { diagnostics.contains { $0.id == id } }
  func first(_ id: DiagnosticID) -> Diagnostic? { diagnostics.first { $0.id == id } }
}
