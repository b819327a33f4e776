/// Everything read for one session: the `Configuration`, where each part came from, the
/// DMS version if known, and the exact bytes of every file read (for `WritePlan`s).
public struct LoadedConfiguration: Equatable, Sendable {
  /// Where the DMS version came from.
  public enum VersionSource: Hashable, Sendable, CustomStringConvertible {
    case commandLine
    case composeImage(image: String, file: String, service: String)

    public var description: String {
      switch self {
      case .commandLine: return "--dms-version"
      case .composeImage(let image, let file, _): return "image '\(image)' in \(file)"
      }
    }
  }

  /// Where an env variable can be changed.
  public enum EnvLocation: Hashable, Sendable {
    /// An env file this tool can edit.
    case envFile(path: String)
    /// Inline in compose's `environment:`; show `ComposeService.snippet(setting:)` instead.
    case composeInline(file: String, service: String)
    /// No env file known (pass `--env-file`).
    case none
  }

  public var configuration: Configuration
  public var source: ConfigurationSource
  /// The config folder used; nil when none was found.
  public var configDirectory: String?
  /// Env files read, lowest precedence first.
  public var envFiles: [String]
  /// `--env-file`, which may not exist yet.
  public var explicitEnvFile: String?
  public var compose: ComposeService?
  public var version: DMSVersion?
  public var versionSource: VersionSource?
  /// Why the compose image gave no version (only reported by commands that need one).
  public var versionProblem: VersionUnavailable?
  /// Bytes of every file read, by path; a path not present did not exist.
  public var originals: [String: [UInt8]]
  /// Things the admin should know (missing optional files, unknown values …).
  public var warnings: [String]

  public init(
    configuration: Configuration, source: ConfigurationSource = ConfigurationSource(),
    configDirectory: String?, envFiles: [String] = [], explicitEnvFile: String? = nil,
    compose: ComposeService? = nil, version: DMSVersion? = nil, versionSource: VersionSource? = nil,
    versionProblem: VersionUnavailable? = nil, originals: [String: [UInt8]] = [:], warnings: [String] = []
  ) {
    self.configuration = configuration
    self.source = source
    self.configDirectory = configDirectory
    self.envFiles = envFiles
    self.explicitEnvFile = explicitEnvFile
    self.compose = compose
    self.version = version
    self.versionSource = versionSource
    self.versionProblem = versionProblem
    self.originals = originals
    self.warnings = warnings
  }

  /// The version for commands that need one, or why there is none (one line).
  public func requireVersion() throws(VersionUnavailable) -> DMSVersion {
    if let version { return version }
    throw versionProblem ?? .notGiven
  }

  /// Path of a config folder file (nil without a config folder).
  public func path(of fileName: String) -> String? {
    configDirectory.map { ConfigurationSource.join($0, fileName) }
  }

  /// One line saying where the environment comes from, for the UI.
  public var environmentDescription: String {
    var parts = envFiles
    if let compose, !compose.environment.isEmpty {
      parts.append("environment: of \(compose.file) (service '\(compose.name)')")
    }
    if parts.isEmpty { return "no env file" }
    return parts.joined(separator: ", then ")
  }

  /// Where `key` can be changed (see `EnvLocation`).
  public func envLocation(for key: String) -> EnvLocation {
    if let compose, compose.inlineKeys.contains(key) {
      return .composeInline(file: compose.file, service: compose.name)
    }
    if let explicitEnvFile { return .envFile(path: explicitEnvFile) }
    if let compose {
      if let last = envFiles.last(where: { assigns(key, in: $0) }) ?? envFiles.last {
        return .envFile(path: last)
      }
      return .composeInline(file: compose.file, service: compose.name)
    }
    return envFiles.last.map { .envFile(path: $0) } ?? .none
  }

  func assigns(_ key: String, in path: String) -> Bool {
    guard let bytes = originals[path] else { return false }
    return EnvFile(bytes: bytes).kinds.contains {
      if case .assignment(let k, _) = $0 { return k == key }
      return false
    }
  }

  /// The files `edits` change, applied in order; fails on the first edit that cannot apply.
  public func plan(_ edits: [RelayEdit]) throws(EditError) -> WritePlan {
    var working: [String: TextDocument] = [:]
    var order: [String] = []
    var kinds: [String: WritePlan.FileKind] = [:]
    var secretEnv: Set<String> = []
    var notes: [String] = []

    func document(_ path: String) -> TextDocument? {
      if let doc = working[path] { return doc }
      return originals[path].map(TextDocument.init(bytes:))
    }
    func apply(_ edit: RelayEdit, at path: String, kind: WritePlan.FileKind) throws(EditError) {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      let result = try edit.apply(to: document(path), fileName: name)
      notes += result.notes
      if result.isNoOp && working[path] == nil && originals[path] != nil { return }
      if working[path] == nil { order.append(path) }
      working[path] = result.document
      kinds[path] = kind
    }

    for edit in edits {
      try edit.validate()
      switch edit.target {
      case .relayMap, .saslPasswords:
        guard let path = path(of: edit.target.configFileName!) else { throw .noConfigDirectory }
        try apply(edit, at: path, kind: edit.target == .relayMap ? .relayMap : .saslPasswords)
      case .envFile:
        let key: String
        switch edit {
        case .setEnv(let k, _), .unsetEnv(let k): key = k
        default: preconditionFailure("only env edits target the env file")
        }
        let targets = try envTargets(for: edit, key: key)
        if case .setEnv = edit, RelayEnvironment.secretKeys.contains(key) { secretEnv.formUnion(targets) }
        for path in targets { try apply(edit, at: path, kind: .envFile) }
      }
    }

    let files = order.map { path in
      WritePlan.File(
        path: path, kind: kinds[path]!, originalBytes: originals[path] ?? [],
        newBytes: working[path]!.bytes, existed: originals[path] != nil,
        creationModeOverride: secretEnv.contains(path) ? 0o600 : nil)
    }
    return WritePlan(files: files, notes: notes)
  }

  /// The env files an env edit changes: for `set-env` the one that decides the value, for
  /// `unset-env` every one that assigns it (else the value would survive from another).
  func envTargets(for edit: RelayEdit, key: String) throws(EditError) -> [String] {
    if let compose, compose.inlineKeys.contains(key) {
      if explicitEnvFile != nil || !compose.envFiles.isEmpty {
        throw .envOverriddenByCompose(composeFile: compose.file, service: compose.name, key: key)
      }
      throw .envInlineInCompose(composeFile: compose.file, service: compose.name, key: key)
    }
    if case .unsetEnv = edit {
      let assigning = envFiles.filter { assigns(key, in: $0) }
      if !assigning.isEmpty { return assigning }
    }
    switch envLocation(for: key) {
    case .envFile(let path): return [path]
    case .composeInline(let file, let service):
      // Inline keys were refused above: this one is in no file at all.
      throw .envComposeWithoutEnvFile(composeFile: file, service: service, key: key)
    case .none: throw .noEnvFile(key: key)
    }
  }
}
