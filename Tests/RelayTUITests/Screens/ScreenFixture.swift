import RelayModel

@testable import RelayTUI

/// Demo states and drawing helpers for the screen tests (no terminal, no disk).
enum ScreenFixture {
  static let root = "/demo"
  static let configDirectory = "/demo/docker-data/dms/config"
  static let envFile = "/demo/mailserver.env"

  /// The built-in demo (DMS 13.3.1, RELAY_HOST without credentials) as if read from `/demo`.
  static func demo(extraFiles: [String: String] = [:]) -> LoadedConfiguration {
    var files: [String: [UInt8]] = [:]
    for file in DemoConfiguration.files where file.path != DemoConfiguration.composeFile {
      files["\(root)/\(file.path)"] = Array(file.content.utf8)
    }
    for (name, text) in extraFiles { files["\(configDirectory)/\(name)"] = Array(text.utf8) }
    func file(_ name: String) -> [UInt8]? { files["\(configDirectory)/\(name)"] }
    let configuration = Configuration(
      relayMap: file(RelayMapFile.fileName).map(RelayMapFile.init(bytes:)),
      saslPasswords: file(SaslPasswordFile.fileName).map(SaslPasswordFile.init(bytes:)),
      accounts: file(AccountsFile.fileName).map(AccountsFile.init(bytes:)),
      virtual: file(VirtualFile.fileName).map(VirtualFile.init(bytes:)),
      environment: EnvFile(bytes: files[envFile]!).environment(path: envFile))
    return LoadedConfiguration(
      configuration: configuration, configDirectory: configDirectory, envFiles: [envFile],
      version: try! DMSVersion.parse("13.3.1"), originals: files)
  }

  static func state(_ size: Size = Size(rows: 24, columns: 80), extraFiles: [String: String] = [:]) -> AppState {
    AppState.opening(demo(extraFiles: extraFiles), size: size)
  }

  static func draw(_ state: AppState) -> Grid {
    var grid = Grid(size: state.size)
    AppScreen.render(state, into: &grid)
    return grid
  }

  static func press(_ state: inout AppState, _ keys: Key...) {
    for key in keys { _ = AppReducer.reduce(into: &state, action: .keyPressed(key)) }
  }

  static func type(_ state: inout AppState, _ text: String) {
    for character in text { _ = AppReducer.reduce(into: &state, action: .keyPressed(.character(character))) }
  }
}
