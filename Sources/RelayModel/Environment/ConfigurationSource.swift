/// Where the configuration comes from: the config folder, the env file, the compose file and
/// the DMS version, each given explicitly or found by the defaults of a DMS checkout.
///
/// Defaults (relative to `baseDirectory`, the current folder for the CLI):
/// `docker-data/dms/config` (or the folder the compose service mounts at
/// `/tmp/docker-mailserver`), `mailserver.env` when there is no compose file (with one, its
/// `env_file:` entries are used), and the first of `compose.yaml`, `compose.yml`,
/// `docker-compose.yaml`, `docker-compose.yml`.
public struct ConfigurationSource: Hashable, Sendable {
  public var configDirectory: String?
  public var envFile: String?
  public var composeFile: String?
  /// `--dms-version`, beating the compose image tag.
  public var dmsVersion: String?
  public var baseDirectory: String

  public init(
    configDirectory: String? = nil, envFile: String? = nil, composeFile: String? = nil,
    dmsVersion: String? = nil, baseDirectory: String = "."
  ) {
    self.configDirectory = configDirectory
    self.envFile = envFile
    self.composeFile = composeFile
    self.dmsVersion = dmsVersion
    self.baseDirectory = baseDirectory
  }

  public static let defaultConfigDirectory = "docker-data/dms/config"
  public static let defaultEnvFile = "mailserver.env"
  public static let defaultComposeFiles = [
    "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
  ]

  func inBase(_ name: String) -> String {
    baseDirectory == "." ? "./\(name)" : "\(baseDirectory)/\(name)"
  }

  /// Reads everything; see `LoadedConfiguration`.
  public func load() throws(ConfigurationLoadError) -> LoadedConfiguration {
    var warnings: [String] = []
    var originals: [String: [UInt8]] = [:]

    // Version given on the command line: a bad one is a usage error, whatever the command.
    var version: DMSVersion?
    var versionSource: LoadedConfiguration.VersionSource?
    if let given = dmsVersion {
      do { version = try DMSVersion.parse(given) } catch { throw .version(error) }
      versionSource = .commandLine
    }

    // Compose file.
    var compose: ComposeService?
    let composePath: String? =
      composeFile ?? Self.defaultComposeFiles.map(inBase).first { FileSystem.kind($0) == .file }
    if let composePath {
      guard let bytes = try FileSystem.read(composePath, limit: ReadLimit.composeFile) else {
        throw .missingFile(composePath)
      }
      originals[composePath] = bytes
      do {
        compose = try ComposeService.parse(yaml: String(decoding: bytes, as: UTF8.self), file: composePath)
      } catch { throw .compose(error) }
    }
    var versionProblem: VersionUnavailable?
    if version == nil, let compose, let image = compose.image {
      do {
        version = try compose.version()
        versionSource = .composeImage(image: image, file: compose.file, service: compose.name)
      } catch {
        versionProblem = .composeImage(image: image, file: compose.file, error: error)
      }
    }
    if let version, version.isUnknownFuture {
      warnings.append(
        "DMS \(version.name) is newer than any release this tool knows (up to \(DMSVersion.newestKnownMajor).x); treating it as v14+")
    }

    // Config folder.
    var configPath: String?
    if let explicit = configDirectory {
      switch FileSystem.kind(explicit) {
      case .missing: throw .missingConfigDirectory(explicit)
      case .file, .other: throw .notADirectory(explicit)
      case .directory: configPath = explicit
      }
    } else {
      let candidates = [compose?.configDirectory, inBase(Self.defaultConfigDirectory)].compactMap { $0 }
      configPath = candidates.first { FileSystem.kind($0) == .directory }
      if configPath == nil, let mounted = compose?.configDirectory {
        warnings.append("config folder '\(mounted)' (mounted by \(compose!.file)) does not exist")
      }
    }
    var configuration = Configuration()
    if let configPath {
      func load(_ name: String) throws(ConfigurationLoadError) -> [UInt8]? {
        let path = Self.join(configPath, name)
        let bytes = try FileSystem.read(path, limit: ReadLimit.configFile)
        if let bytes { originals[path] = bytes }
        return bytes
      }
      let files = [
        try load(RelayMapFile.fileName), try load(SaslPasswordFile.fileName),
        try load(AccountsFile.fileName), try load(VirtualFile.fileName),
      ]
      // Split into lines on all cores when there is much to split (100,000-line files).
      let bytes = files.reduce(0) { $0 + ($1?.count ?? 0) }
      let documents = Parallel.map(files.count, minimumPerSlice: bytes > 1 << 20 ? 1 : files.count) {
        files[$0].map(TextDocument.init(bytes:))
      }
      configuration.relayMap = documents[0].map(RelayMapFile.init(document:))
      configuration.saslPasswords = documents[1].map(SaslPasswordFile.init(document:))
      configuration.accounts = documents[2].map(AccountsFile.init(document:))
      configuration.virtual = documents[3].map(VirtualFile.init(document:))
      configuration.postfixMain = try load(PostfixMainCfFile.fileName).map(PostfixMainCfFile.init(bytes:))
      configuration.postfixMaster = try load(PostfixMasterCfFile.fileName).map(PostfixMasterCfFile.init(bytes:))
      configuration.hasUserPatches = FileSystem.kind(Self.join(configPath, "user-patches.sh")) == .file
      for name in OverrideTable.configFolderNames(configuration).prefix(OverrideTable.maximumFiles) {
        if let bytes = try load(name) { configuration.overrideTables[name] = TextDocument(bytes: bytes) }
      }
    }

    // Env files, lowest precedence first, then compose's inline environment.
    var envFiles: [String] = []
    if let explicit = envFile {
      envFiles = [explicit]
      if FileSystem.kind(explicit) == .missing {
        warnings.append("env file '\(explicit)' does not exist; set-env creates it")
      }
    } else if let compose {
      for reference in compose.envFiles {
        if FileSystem.kind(reference.path) == .missing {
          if reference.isRequired { throw .missingEnvFile(path: reference.path, composeFile: compose.file) }
          warnings.append("optional env file '\(reference.path)' (env_file of \(compose.file)) does not exist")
          continue
        }
        envFiles.append(reference.path)
      }
    } else if FileSystem.kind(inBase(Self.defaultEnvFile)) == .file {
      envFiles = [inBase(Self.defaultEnvFile)]
    }
    var environment = RelayEnvironment()
    for path in envFiles {
      guard let bytes = try FileSystem.read(path, limit: ReadLimit.envFile) else { continue }
      originals[path] = bytes
      for (index, kind) in EnvFile(bytes: bytes).kinds.enumerated() {
        switch kind {
        case .assignment(let key, let value):
          environment.set(key, value, origin: .envFile(path: path, line: index + 1))
        case .passThrough(let key) where RelayEnvironment.relayKeys.contains(key):
          warnings.append("\(path):\(index + 1): '\(key)' has no '='; docker takes it from the shell, which dms-relay cannot see")
        default: break
        }
      }
    }
    if let compose {
      for variable in compose.environment {
        if let value = variable.value {
          environment.set(variable.key, value, origin: .compose(path: compose.file, service: compose.name))
        } else if RelayEnvironment.relayKeys.contains(variable.key) {
          warnings.append(
            "\(SourceLocation(file: compose.file, line: variable.line)): '\(variable.key)' has no value; compose takes it from the shell, which dms-relay cannot see")
        }
      }
      if let hostname = compose.hostname { environment.containerHostname = hostname }
      if let domainname = compose.domainname { environment.containerDomainName = domainname }
    }
    configuration.environment = environment
    configuration.fileSecrets = FileSecret.load(
      environment: environment, compose: compose, configDirectory: configPath)

    return LoadedConfiguration(
      configuration: configuration, source: self, configDirectory: configPath, envFiles: envFiles,
      explicitEnvFile: envFile, compose: compose, version: version, versionSource: versionSource,
      versionProblem: versionProblem, originals: originals, warnings: warnings)
  }

  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
  }
}
