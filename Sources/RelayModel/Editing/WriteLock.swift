#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exclusive `flock`s on `.dms-relay.lock` in each folder a write touches, held from the
/// read of the files to the last rename so two writers never both pass the changed-on-disk
/// check and lose one's edit (issue 11 §1).
///
/// The kernel drops a `flock` when its process dies, so a `kill -9` never leaves a folder
/// locked. Every dms-relay writer creates its temps only while holding the lock, so temps
/// of our pattern found once it is taken were left by a writer that died: they are removed
/// (`removedTemps`) and the caller says so.
public final class WriteLock: @unchecked Sendable {
  /// Canonical folders held, sorted.
  public let folders: [String]
  /// Stale `.NAME.dms-relay-XXXXXX` temps removed on taking the lock.
  public let removedTemps: [String]
  private var descriptors: [Int32]

  init(folders: [String], descriptors: [Int32], removedTemps: [String]) {
    self.folders = folders
    self.descriptors = descriptors
    self.removedTemps = removedTemps
  }

  deinit { release() }

  /// Drops every lock (also done when the value goes away).
  public func release() {
    for fd in descriptors { close(fd) }
    descriptors = []
  }

  /// Whether `folder` (canonical) is held.
  public func holds(_ folder: String) -> Bool { !descriptors.isEmpty && folders.contains(folder) }
}

extension FileStore {
  public static let lockFileName = ".dms-relay.lock"

  /// Takes the write lock of every folder in `folders` (in sorted order, so two writers
  /// never wait on each other crosswise), waiting up to `lockTimeout` for each.
  ///
  /// `files` names, by canonical folder, the file an error taking that folder's lock is
  /// reported for (the admin asked to write the file, not the lock).
  public func lock(folders: [String], files: [String: String] = [:]) throws(WriteError) -> WriteLock {
    let canonical = Set(folders.map(Self.canonicalFolder)).sorted()
    var descriptors: [Int32] = []
    var removed: [String] = []
    do throws(WriteError) {
      for folder in canonical {
        do throws(WriteError) {
          descriptors.append(try lockOne(folder))
        } catch {
          throw files[folder].map { Self.blame(error, on: $0) } ?? error
        }
        removed += Self.removeStaleTemps(in: folder)
      }
    } catch {
      for fd in descriptors { close(fd) }
      throw error
    }
    return WriteLock(folders: canonical, descriptors: descriptors, removedTemps: removed)
  }

  /// The lock of every folder `plan` writes in (link targets' folders for symbolic links).
  public func lock(for plan: WritePlan) throws(WriteError) -> WriteLock {
    var folders: [String] = []
    var files: [String: String] = [:]
    for file in plan.files where file.isChange {
      let folder = Self.canonicalFolder(Self.folder(of: try Self.writeTarget(of: file.path)))
      folders.append(folder)
      if files[folder] == nil { files[folder] = file.path }
    }
    return try lock(folders: folders, files: files)
  }

  /// `error` about a lock file, said about the file being written instead.
  static func blame(_ error: WriteError, on path: String) -> WriteError {
    switch error {
    case .permissionDenied: return .permissionDenied(path: path)
    case .cannotCreate(_, let reason): return .cannotCreate(path: path, reason: reason)
    case .io(_, let reason): return .io(path: path, reason: reason)
    default: return error
    }
  }

  func lockOne(_ folder: String) throws(WriteError) -> Int32 {
    let path = folder == "/" ? "/\(Self.lockFileName)" : "\(folder)/\(Self.lockFileName)"
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    if fd < 0 { throw Self.error(errno, path: path) }
    let deadline = Self.now() + lockTimeout
    var pause = 0.005
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      guard code == EWOULDBLOCK else {
        close(fd)
        throw Self.error(code, path: path)
      }
      if Self.now() >= deadline {
        close(fd)
        throw .locked(folder: folder, seconds: Int(lockTimeout.rounded(.up)))
      }
      usleep(useconds_t(pause * 1_000_000))
      pause = min(pause * 2, 0.1)
    }
    return fd
  }

  /// Removes `.NAME.dms-relay-XXXXXX` files (our temps) from `folder`; returns their paths.
  static func removeStaleTemps(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var removed: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      guard isOurTemp(name) else { continue }
      let path = folder == "/" ? "/\(name)" : "\(folder)/\(name)"
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      if unlink(path) == 0 { removed.append(path) }
    }
    return removed.sorted()
  }

  /// `.NAME.dms-relay-XXXXXX`, the `mkstemp` template `writeTemp` uses.
  static func isOurTemp(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    let marker = Array(".dms-relay-".utf8)
    let tail = marker.count + 6
    guard bytes.count > tail + 1, bytes[0] == UInt8(ascii: ".") else { return false }
    let at = bytes.count - tail
    return Array(bytes[at..<(at + marker.count)]) == marker
      && bytes[(at + marker.count)...].allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
  }

  /// `realpath` of a folder, or the folder as given when it cannot be resolved.
  static func canonicalFolder(_ folder: String) -> String {
    guard let resolved = realpath(folder, nil) else { return folder }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// `realpath` of a file that may not exist yet: its folder resolved, its name kept.
  static func canonicalPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return canonicalFolder(folder(of: path)) + "/" + name
  }

  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
