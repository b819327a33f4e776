/// A value an edit takes from the admin, named in error messages.
public enum EditField: String, Hashable, Sendable, CaseIterable {
  case domain
  case host
  case port
  case user
  case password
  case envKey = "variable name"
  case envValue = "value"
}

/// Why an edit cannot be planned: bad input, or a file state in which DMS's `setup relay`
/// would misbehave (spec §6).
///
/// Messages follow the style guide: a sentence, user input in single quotes, the file and
/// line where one is involved. A password is never part of a message.
public enum EditError: Error, Hashable, Sendable, CustomStringConvertible {
  /// `value` is nil for secrets, which are never echoed.
  case invalid(EditField, value: String?, reason: String)
  /// The key exists only in another letter case: DMS's `grep -i` finds it, its
  /// case-sensitive `sed` then changes nothing (or leaves a key Postfix folds into a duplicate).
  case keySpelledDifferently(location: SourceLocation, existing: String, requested: String)
  /// `del-domain`/`del-auth`/`include-domain`/`unset-env` found no line to remove.
  case nothingToRemove(file: String, what: String)
  /// The environment lives inline in the compose file, which this tool does not rewrite.
  case envInlineInCompose(composeFile: String, service: String, key: String)
  /// The variable is set in compose's `environment:`, which beats every `env_file:`.
  case envOverriddenByCompose(composeFile: String, service: String, key: String)
  /// The compose service has no `env_file:` and its inline `environment:` does not set the
  /// variable either (issue 14: this used to say the variable was "set inline").
  case envComposeWithoutEnvFile(composeFile: String, service: String, key: String)
  /// No env file was found or given.
  case noEnvFile(key: String)
  /// The edit needs the config folder, which was not found or given.
  case noConfigDirectory

  public var description: String {
    switch self {
    case .invalid(let field, let value?, let reason):
      return "\(field.rawValue) '\(value)' \(reason)"
    case .invalid(let field, nil, let reason):
      return "\(field.rawValue) \(reason)"
    case .keySpelledDifferently(let location, let existing, let requested):
      return
        "\(location): the file has '\(existing)', which DMS treats as '\(requested)' when looking it up but not when replacing it; Postfix folds both to one key. Remove or fix that line first (e.g. dms-relay del-domain '\(existing.dropFirst())')"
    case .nothingToRemove(let file, let what):
      return "\(file): nothing to remove: \(what)"
    case .envInlineInCompose(let compose, let service, let key):
      return
        "'\(key)' is set inline in \(compose) (service '\(service)'); dms-relay does not rewrite compose files. Move the environment to an env_file, or edit it by hand"
    case .envOverriddenByCompose(let compose, let service, let key):
      return
        "'\(key)' is also set in the 'environment:' of \(compose) (service '\(service)'), which overrides every env_file; change it there"
    case .envComposeWithoutEnvFile(let compose, let service, let key):
      return
        "'\(key)' is not set anywhere, and service '\(service)' in \(compose) has no env_file to add it to; add it under its 'environment:' by hand, or add an env_file and pass it with --env-file PATH"
    case .noEnvFile(let key):
      return "no env file to change '\(key)' in; pass --env-file PATH (it is created when missing)"
    case .noConfigDirectory:
      return "no config folder; pass --config-dir PATH (default ./docker-data/dms/config)"
    }
  }
}
