extension Configuration {
  /// The environment DMS's relay scripts see on `version` along `path` (spec §10).
  ///
  /// From 15.1 a `VAR__FILE` fills `VAR` at start when `VAR` is not set at all (an empty
  /// `RELAY_PASSWORD=` blocks it). Change detection runs in another process: it sees the
  /// container's own environment plus `/etc/dms-settings`, so a value read from a file
  /// reaches it only for the variables DMS writes there (`RELAY_HOST`, `DEFAULT_RELAY_HOST`,
  /// …), never `RELAY_USER`, `RELAY_PASSWORD` or `RELAY_PORT`.
  public func environment(for version: DMSVersion, path: GenerationPath) -> RelayEnvironment {
    guard version.readsVariablesFromFiles, !fileSecrets.isEmpty else { return environment }
    var result = environment
    for secret in fileSecrets where environment.isSet(secret.variable) && !environment.isSet(secret.target) {
      guard let value = secret.value else { continue }
      if path == .change, !DMSVersion.variablesInSettingsFile.contains(secret.target) { continue }
      result.set(secret.target, value, origin: secret.origin)
    }
    return result
  }

  /// This configuration with `environment(for:path:)` as its environment: what the
  /// generator, the router and the checks read for `version`.
  public func resolvingFileSecrets(for version: DMSVersion, path: GenerationPath = .startup) -> Configuration {
    guard !fileSecrets.isEmpty else { return self }
    var copy = self
    copy.environment = environment(for: version, path: path)
    return copy
  }

  /// The file secrets DMS reads into the environment at start on `version`: those whose
  /// target is unset and whose file was read.
  public func appliedFileSecrets(for version: DMSVersion) -> [FileSecret] {
    guard version.readsVariablesFromFiles else { return [] }
    return fileSecrets.filter { environment.isSet($0.variable) && !environment.isSet($0.target) && $0.value != nil }
  }
}
