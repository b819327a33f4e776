extension LoadedConfiguration {
  /// Nothing of a DMS configuration was found: no config folder, compose file or env file.
  /// Commands that read a configuration refuse to preview this as "no relay is configured"
  /// on a guessed version (issue 14 fix 10).
  public var foundNothing: Bool {
    configDirectory == nil && compose == nil && envFiles.isEmpty && explicitEnvFile == nil
  }

  /// Throws `.nothingFound(folder:)` when `foundNothing`; `folder` names where was looked.
  public func requireSomething(folder: String) throws(ConfigurationLoadError) {
    if foundNothing { throw .nothingFound(folder: folder) }
  }
}
