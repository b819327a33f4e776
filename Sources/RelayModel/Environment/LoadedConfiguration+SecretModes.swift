#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LoadedConfiguration {
  /// Files holding a password that other users may read: env files and `__FILE` files.
  /// DMS's own sasl file is 0600.
  public var looseSecretFileWarnings: [String] {
    looseEnvFileWarnings + looseFileSecretWarnings
  }

  /// Password files that `RELAY_PASSWORD__FILE` names (spec §10) yet other users may read.
  var looseFileSecretWarnings: [String] {
    configuration.fileSecrets.compactMap { secret -> String? in
      guard RelayEnvironment.secretKeys.contains(secret.target), case .read(let path, _) = secret.content else { return nil }
      var info = stat()
      guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
      let mode = String(info.st_mode & 0o777, radix: 8)
      return "\(path) holds the password \(secret.variable) names but is mode 0\(mode) (readable by others); chmod 600 '\(path)'"
    }
  }

  /// Env files that assign a password (`RELAY_PASSWORD`, `SASL_PASSWD`) yet other users may
  /// read (issue 14: such a file stayed 0644 without a word).
  var looseEnvFileWarnings: [String] {
    envFiles.compactMap { path -> String? in
      guard let bytes = originals[path] else { return nil }
      let assignsSecret = EnvFile(bytes: bytes).kinds.contains {
        if case .assignment(let key, let value) = $0 { return RelayEnvironment.secretKeys.contains(key) && !value.isEmpty }
        return false
      }
      var info = stat()
      guard assignsSecret, stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
      let mode = String(info.st_mode & 0o777, radix: 8)
      return "\(path) holds a password but is mode 0\(mode) (readable by others); chmod 600 '\(path)'"
    }
  }
}
