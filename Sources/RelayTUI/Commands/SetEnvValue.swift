import RelayModel

/// The value `set-env` writes: the argument, or for a password variable (RELAY_PASSWORD)
/// the no-echo prompt or `--password-stdin`, as `add-auth` reads its password, so the secret
/// stays out of shell history and `ps` (issue 14 fix 5).
enum SetEnvValue {
  static func obtain(key: String, argument: String?, fromStdin: Bool) throws -> String {
    guard RelayEnvironment.secretKeys.contains(key) else {
      if fromStdin { throw CLIFailure("--password-stdin is only for password variables, not '\(key)'", .usage) }
      guard let argument else { throw CLIFailure("give a value for '\(key)' (an empty one is '')", .usage) }
      return argument
    }
    return try EditPassword.obtain(argument: argument, fromStdin: fromStdin)
  }
}
