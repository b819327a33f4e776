#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension LoadedConfiguration {
  /// Env files that assign a password (`RELAY_PASSWORD`, `SASL_PASSWD`) yet other users may
  /// read (issue 14: such a file stayed 0644 without a word). DMS's own sasl file is 0600.
  public var looseSecretFileWarnings: [String] {
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
