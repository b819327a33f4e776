@testable import RelayModel

/// States built from the built-in demo and from inline files, without touching the disk.
enum AppFixture {
  static let root = "/demo"
  static let configDirectory = "/demo/docker-data/dms/config"
  static let envFile = "/demo/mailserver.env"
  static let size = Size(rows: 24, columns: 80)

  /// The demo (DMS 13.3.1, RELAY_HOST without credentials) as loaded from `/demo`.
  static func demo(compose: ComposeService? = nil) -> LoadedConfiguration {
    var files: [String: [UInt8]] = [:]
    for file in DemoConfiguration.files where file.path != DemoConfiguration.composeFile {
      files["\(root)/\(file.path)"] = Array(file.content.utf8)
    }
    return loaded(files: files, compose: compose, version: "13.3.1")
  }

  /// A session over `files` (paths → bytes) as `ConfigurationSource.load()` would read it.
  static func loaded(files: [String: [UInt8]], compose: ComposeService? = nil, version: String) -> LoadedConfiguration {
    func file(_ name: String) -> [UInt8]? { files["\(configDirectory)/\(name)"] }
    var environment = files[envFile].map { EnvFile(bytes: $0).environment(path: envFile) } ?? RelayEnvironment()
    for variable in compose?.environment ?? [] {
      if let value = variable.value {
        environment.set(variable.key, value, origin: .compose(path: compose!.file, service: compose!.name))
      }
    }
    let configuration = Configuration(
      relayMap: file(RelayMapFile.fileName).map(RelayMapFile.init(bytes:)),
      saslPasswords: file(SaslPasswordFile.fileName).map(SaslPasswordFile.init(bytes:)),
      accounts: file(AccountsFile.fileName).map(AccountsFile.init(bytes:)),
      virtual: file(VirtualFile.fileName).map(VirtualFile.init(bytes:)),
      environment: environment)
    return LoadedConfiguration(
      configuration: configuration, configDirectory: configDirectory,
      envFiles: files[envFile] == nil ? [] : [envFile], compose: compose,
      version: try! DMSVersion.parse(version), originals: files)
  }

  /// A session with inline file texts (config folder names → text) and env lines.
  static func loaded(_ texts: [String: String], env: String? = nil, version: String = "15.1.0") -> LoadedConfiguration {
    var files: [String: [UInt8]] = [:]
    for (name, text) in texts { files["\(configDirectory)/\(name)"] = Array(text.utf8) }
    if let env { files[envFile] = Array(env.utf8) }
    return loaded(files: files, version: version)
  }

  static func state(_ loaded: LoadedConfiguration, size: Size = size) -> AppState {
    AppState(workspace: Workspace(loaded), version: loaded.version!, size: size)
  }

  static func demoState(size: Size = size) -> AppState { state(demo(), size: size) }

  /// `n` accounts, one domain each: `user@d0.example` …
  static func manyDomains(_ n: Int) -> LoadedConfiguration {
    var accounts = ""
    accounts.reserveCapacity(n * 48)
    for i in 0..<n { accounts += "user@d\(i).example|{SHA512-CRYPT}$6$x$hash\n" }
    return loaded(
      [AccountsFile.fileName: accounts, RelayMapFile.fileName: "@d1.example [smtp.relay.test]:587\n"],
      env: "RELAY_HOST=smtp.relay.test\nRELAY_PORT=587\n", version: "15.1.0")
  }
}
