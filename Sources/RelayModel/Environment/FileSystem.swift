#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The loader's view of the file system: what a path is, and its bytes.
enum FileSystem {
  /// `other` is a FIFO, device or socket: never read (see `FileStore.read`).
  enum Kind { case missing, file, directory, other }

  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .directory
    case S_IFREG: return .file
    default: return .other
    }
  }

  /// The file's bytes, or nil when it does not exist; at most `limit` bytes (`ReadLimit`).
  static func read(_ path: String, limit: Int) throws(ConfigurationLoadError) -> [UInt8]? {
    do {
      return try FileStore.read(path, limit: limit)
    } catch {
      switch error {
      case .permissionDenied: throw .permissionDenied(path)
      case .io(_, let reason), .cannotCreate(_, let reason): throw .unreadable(path: path, reason: reason)
      case .fileChangedOnDisk, .danglingSymlink, .locked:
        throw .unreadable(path: path, reason: "it changed while being read")
      case .notARegularFile(_, let kind): throw .notARegularFile(path: path, kind: kind)
      case .tooLarge(_, let limit): throw .tooLarge(path: path, limit: limit)
      }
    }
  }
}
