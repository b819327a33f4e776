extension Generator {
  /// The Postfix state DMS `version` produces along `path`, with the `__FILE` variables it
  /// reads applied to the environment first (spec §10).
  public static func generate(
    _ configuration: Configuration, version: DMSVersion, path: GenerationPath = .startup
  ) -> GeneratedState {
    generate(configuration.resolvingFileSecrets(for: version, path: path), family: version.family, path: path)
  }
}
