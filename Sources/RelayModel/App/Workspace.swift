/// The files the UI edits: everything as read, the pending edits (newest last, so `u` can
/// step back), and the configuration and write plan those edits give.
///
/// Edits are replayed through `LoadedConfiguration.plan(_:)`, the same code the CLI writes
/// with, so what the Changes screen shows is exactly what `w` writes. Nothing here touches
/// the disk; `markWritten(_:)` records a successful write performed by the runner.
public struct Workspace: Sendable {
  /// The session as read (updated after a successful write).
  public private(set) var loaded: LoadedConfiguration
  /// Pending edits, oldest first.
  public private(set) var edits: [RelayEdit] = []
  /// The files the pending edits change.
  public private(set) var plan = WritePlan()
  /// The configuration after the pending edits: what the preview shows.
  public private(set) var configuration: Configuration
  /// What each `__FILE` variable's file held, by container path: read at load, and by the
  /// runner for a path an edit names (`unreadSecretFiles`, then `secretFilesRead`). So an edit
  /// of `RELAY_PASSWORD__FILE` previews the new file, not the one read at load (spec §10).
  private var secretFiles: [String: FileSecret.Content]

  public init(_ loaded: LoadedConfiguration) {
    self.loaded = loaded
    self.configuration = loaded.configuration
    secretFiles = Dictionary(
      loaded.configuration.fileSecrets.map { ($0.containerPath, $0.content) }, uniquingKeysWith: { first, _ in first })
  }

  /// Container paths the edited environment's `__FILE` variables name that were never read:
  /// the runner (or the CLI) reads them and hands them to `secretFilesRead`.
  public var unreadSecretFiles: [String] {
    Set(configuration.fileSecrets.map(\.containerPath)).filter { secretFiles[$0] == nil }.sorted()
  }

  /// Records what the files at these container paths hold, and previews with them.
  public mutating func secretFilesRead(_ contents: [String: FileSecret.Content]) {
    secretFiles.merge(contents) { _, new in new }
    rebuildConfiguration()
  }

  public var hasPendingChanges: Bool { !plan.isEmpty }

  /// The config folder as shown in the title bar.
  public var configDirectory: String? { loaded.configDirectory }

  /// Adds `edit` to the pending changes. Returns the notes it produced; throws (and changes
  /// nothing) when it cannot apply. An edit that changes no byte is not recorded.
  @discardableResult
  public mutating func apply(_ edit: RelayEdit) throws(EditError) -> [String] {
    let next = try loaded.plan(edits + [edit])
    let notes = Array(next.notes.dropFirst(plan.notes.count))
    guard next.files != plan.files else { return notes.isEmpty ? ["nothing to change"] : notes }
    edits.append(edit)
    plan = next
    // Back to the bytes as read (an opt-out toggled twice): nothing is pending any more.
    if plan.isEmpty { edits = [] }
    rebuildConfiguration()
    return notes
  }

  /// Drops the newest pending edit; returns it, or nil when there is none.
  public mutating func undo() -> RelayEdit? {
    guard let last = edits.popLast() else { return nil }
    // The shorter list planned successfully before, so it plans again.
    plan = (try? loaded.plan(edits)) ?? WritePlan()
    rebuildConfiguration()
    return last
  }

  /// Records that `plan` was written: its bytes become the new originals, and the pending
  /// edits are gone (a written change cannot be undone from here; the `.bak` files can).
  public mutating func markWritten() {
    for file in plan.files { loaded.originals[file.path] = file.newBytes }
    loaded.configuration = configuration
    edits = []
    plan = WritePlan()
  }

  /// Where `key` can be changed: an env file, inline in compose, or nowhere known.
  public func envLocation(for key: String) -> LoadedConfiguration.EnvLocation {
    loaded.envLocation(for: key)
  }

  private mutating func rebuildConfiguration() {
    var config = loaded.configuration
    var envBytes: [(path: String, bytes: [UInt8])] = []
    for file in plan.files {
      switch file.kind {
      case .relayMap: config.relayMap = RelayMapFile(bytes: file.newBytes)
      case .saslPasswords: config.saslPasswords = SaslPasswordFile(bytes: file.newBytes)
      case .envFile: envBytes.append((file.path, file.newBytes))
      case .other: break
      }
    }
    for edit in edits {
      switch edit {
      case .setEnv(let key, let value):
        config.environment.set(key, value, origin: envOrigin(key, envBytes))
      case .unsetEnv(let key):
        config.environment.remove(key)
      default:
        break
      }
    }
    if edits.contains(where: \.changesFileVariable) {
      config.fileSecrets = FileSecret.variableNames(in: config.environment.values.keys).map { variable, target in
        let path = config.environment[variable]
        return FileSecret(
          variable: variable, target: target, containerPath: path,
          content: secretFiles[path] ?? .unmapped(reason: "dms-relay has not read it yet"))
      }
    }
    configuration = config
  }

  /// The env file line that now assigns `key`, for "RELAY_HOST (mailserver.env:7)".
  private func envOrigin(_ key: String, _ envBytes: [(path: String, bytes: [UInt8])]) -> EnvironmentOrigin {
    for (path, bytes) in envBytes {
      if case .envFile(_, let line)? = EnvFile(bytes: bytes).environment(path: path).origins[key] {
        return .envFile(path: path, line: line)
      }
    }
    return .commandLine
  }
}

extension RelayEdit {
  /// True for an edit that sets or removes a `VAR__FILE` variable (any name, as DMS finds them).
  var changesFileVariable: Bool {
    switch self {
    case .setEnv(let key, _), .unsetEnv(let key): return key.contains("__FILE")
    default: return false
    }
  }
}
