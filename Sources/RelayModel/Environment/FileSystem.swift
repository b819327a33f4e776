#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loader's view of the file system: what a path is, and its bytes.
enum FileSystem {
  enum Kind { case missing, file, directory }

  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
  }

  /// The file's bytes, or nil when it does not exist.
  static func read(_ path: String) throws(ConfigurationLoadError) -> [UInt8]? {
    if kind(path) == .directory { throw .unreadable(path: path, reason: "it is a folder") }
    do {
      return try FileStore.read(path)
    } catch {
      switch error {
      case .permissionDenied: throw .permissionDenied(path)
      case .io(_, let reason), .cannotCreate(_, let reason): throw .unreadable(path: path, reason: reason)
      case .fileChangedOnDisk: throw .unreadable(path: path, reason: "it changed while being read")
      }
    }
  }
}
