import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ConfigOptions {
  /// `load()`, refusing a folder with no DMS configuration at all (exit 66) with what was
  /// looked for and where, instead of previewing nothing on a guessed version.
  func loadExisting() throws -> LoadedConfiguration {
    var loaded = try load()
    try loaded.requireSomething(folder: Self.currentFolder())
    for warning in loaded.looseSecretFileWarnings {
      printError("dms-relay: warning: \(warning)")
      loaded.warnings.append(warning)
    }
    return loaded
  }

  static func currentFolder() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(cString: buffer)
  }
}
