extension FileSecret {
  /// The container folder DMS reads its configuration from (spec §10: a `__FILE` path there
  /// maps to the config folder even without a compose file).
  static let configMountPoint = "/tmp/docker-mailserver"

  /// Every `__FILE` variable of `environment`, its container path mapped to a host file and
  /// read (at most `ReadLimit.password` bytes). Never throws: a path that cannot be mapped
  /// or read is recorded, and the checks say so (spec §10).
  static func load(
    environment: RelayEnvironment, compose: ComposeService?, configDirectory: String?
  ) -> [FileSecret] {
    variableNames(in: environment.values.keys).map { variable, target in
      let containerPath = environment[variable]
      return FileSecret(
        variable: variable, target: target, containerPath: containerPath,
        content: content(of: containerPath, compose: compose, configDirectory: configDirectory))
    }
  }

  /// What the host files behind `containerPaths` hold, mapped and read as at load: for a
  /// path an edit names (`Workspace.unreadSecretFiles`).
  public static func read(
    _ containerPaths: [String], compose: ComposeService?, configDirectory: String?
  ) -> [String: Content] {
    Dictionary(
      containerPaths.map { ($0, content(of: $0, compose: compose, configDirectory: configDirectory)) },
      uniquingKeysWith: { first, _ in first })
  }

  static func content(of containerPath: String, compose: ComposeService?, configDirectory: String?) -> Content {
    if containerPath.isEmpty { return .unmapped(reason: "the variable is empty") }
    let hostPath: String
    switch compose?.hostPath(forContainerPath: containerPath) {
    case .host(let path)?: hostPath = path
    case .unmappable(let reason)?: return .unmapped(reason: reason)
    case nil:
      let normalised = ComposeService.normalisedContainerPath(containerPath)
      if let configDirectory, containerPath.hasPrefix("/"),
        normalised == configMountPoint || normalised.hasPrefix(configMountPoint + "/")
      {
        let rest = normalised.dropFirst(configMountPoint.count + 1)
        hostPath = ConfigurationSource.join(configDirectory, String(rest))
      } else if let compose {
        return .unmapped(
          reason: "no volume or secret of service '\(compose.name)' in \(compose.file) covers it")
      } else {
        return .unmapped(reason: "there is no compose file to say which host file is mounted there")
      }
    }
    guard FileSystem.kind(hostPath) == .file else { return .missing(hostPath: hostPath) }
    do {
      guard let bytes = try FileSystem.read(hostPath, limit: ReadLimit.password) else {
        return .missing(hostPath: hostPath)
      }
      return .read(hostPath: hostPath, value: shellValue(bytes))
    } catch {
      switch error {
      case .permissionDenied: return .unreadable(hostPath: hostPath, reason: "permission denied")
      case .tooLarge(_, let limit):
        return .unreadable(hostPath: hostPath, reason: "it is larger than \(ReadLimit.describe(limit))")
      case .unreadable(_, let reason): return .unreadable(hostPath: hostPath, reason: reason)
      default: return .unreadable(hostPath: hostPath, reason: error.description)
      }
    }
  }

  /// What bash's `$(< file)` yields: every trailing newline removed (a `\r` stays), NUL
  /// bytes dropped; newlines inside are kept.
  static func shellValue(_ bytes: [UInt8]) -> String {
    var kept = bytes.filter { $0 != 0 }
    while kept.last == UInt8(ascii: "\n") { kept.removeLast() }
    return String(decoding: kept, as: UTF8.self)
  }
}
