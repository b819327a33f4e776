/// Why the configuration could not be loaded.
public enum ConfigurationLoadError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingConfigDirectory(String)
  case notADirectory(String)
  case missingFile(String)
  /// A compose `env_file:` that is required but missing (compose itself would refuse to start).
  case missingEnvFile(path: String, composeFile: String)
  case permissionDenied(String)
  case unreadable(path: String, reason: String)
  /// A FIFO, device, socket or folder given or referenced as a file (never opened: a FIFO
  /// would block forever, `/dev/zero` never ends).
  case notARegularFile(path: String, kind: String)
  /// Larger than `ReadLimit` allows for its kind.
  case tooLarge(path: String, limit: Int)
  case compose(ComposeError)
  /// `--dms-version` could not be parsed.
  case version(DMSVersion.ParseError)
  /// No config folder, compose file or env file in `folder`: the wrong folder (issue 14 fix 10).
  case nothingFound(folder: String)

  public var description: String {
    switch self {
    case .missingConfigDirectory(let p): return "config folder '\(p)' does not exist"
    case .notADirectory(let p): return "'\(p)' is not a folder"
    case .missingFile(let p): return "'\(p)' does not exist"
    case .missingEnvFile(let p, let compose):
      return "env file '\(p)' (env_file of \(compose)) does not exist"
    case .permissionDenied(let p): return "permission denied reading '\(p)'"
    case .unreadable(let p, let reason): return "cannot read '\(p)': \(reason)"
    case .notARegularFile(let p, let kind): return "'\(p)' is not a regular file (it is \(kind)); refusing to read it"
    case .tooLarge(let p, let limit):
      return "'\(p)' is larger than \(ReadLimit.describe(limit)), more than such a file can sensibly hold; refusing to read it"
    case .compose(let error): return error.description
    case .version(let error): return error.description
    case .nothingFound(let folder):
      let composeFiles = ConfigurationSource.defaultComposeFiles.joined(separator: ", ")
      return
        "no DMS configuration in '\(folder)': looked for \(ConfigurationSource.defaultConfigDirectory)/, a compose file (\(composeFiles)) and \(ConfigurationSource.defaultEnvFile); run dms-relay in the folder that holds them, pass --config-dir PATH, or start a configuration with 'mkdir -p \(ConfigurationSource.defaultConfigDirectory) && dms-relay setup --env-file \(ConfigurationSource.defaultEnvFile)'"
    }
  }
}

/// Why a command that needs a DMS version has none.
public enum VersionUnavailable: Error, Equatable, Sendable, CustomStringConvertible {
  /// Neither `--dms-version` nor a compose file with an image.
  case notGiven
  /// The compose image's tag does not name a usable version.
  case composeImage(image: String, file: String, error: DMSVersion.ParseError)

  public var description: String {
    switch self {
    case .notGiven:
      return "no DMS version: pass --dms-version (e.g. 15.1) or use a compose file whose docker-mailserver image has a tag"
    case .composeImage(let image, let file, let error):
      return "\(error.description) (image '\(image)' in \(file))"
    }
  }
}
