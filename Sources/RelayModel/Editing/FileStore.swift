#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

/// Why a `WritePlan` could not be written. Nothing was changed when one is thrown.
public enum WriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file's bytes on disk differ from those read (or it appeared/vanished since).
  case fileChangedOnDisk(String)
  case permissionDenied(path: String)
  case cannotCreate(path: String, reason: String)
  case io(path: String, reason: String)

  public var description: String {
    switch self {
    case .fileChangedOnDisk(let path):
      return "'\(path)' changed on disk since it was read; nothing was written. Reload and try again"
    case .permissionDenied(let path):
      return "permission denied writing '\(path)'; nothing was written"
    case .cannotCreate(let path, let reason):
      return "cannot create '\(path)': \(reason); nothing was written"
    case .io(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    }
  }
}

/// Performs `WritePlan`s safely: all or nothing, atomically, keeping a backup.
///
/// For each changed file: the previous version goes to `NAME.bak` (overwritten each time);
/// the new bytes are written to a temp file in the same folder, fsynced, given the old
/// file's mode and owner, and renamed over the file; then the folder is fsynced. Before any
/// rename every target is re-read and compared with the bytes the plan was made from, so a
/// file changed by someone else is never overwritten. `postfix-sasl-password.cf` (and its
/// backup) is always 0600.
public struct FileStore: Sendable {
  public init() {}

  /// What happened to one file.
  public struct Receipt: Hashable, Sendable {
    public var path: String
    /// Where the previous version was kept; nil when the file was created.
    public var backupPath: String?
    public var created: Bool
    /// E.g. that the owner could not be kept.
    public var notes: [String]

    /// `wrote PATH (previous version: PATH.bak)` / `created PATH`.
    public var summary: String {
      if let backupPath { return "wrote \(path) (previous version: \(backupPath))" }
      return "created \(path)"
    }
  }

  public static func backupPath(for path: String) -> String { path + ".bak" }

  /// Reads a file; nil when it does not exist.
  public static func read(_ path: String) throws(WriteError) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let code = errno
      if code == ENOENT { return nil }
      throw error(code, path: path)
    }
    defer { close(fd) }
    // Read straight into a buffer of the file's size (plus one byte, to see it grow while
    // being read): 100,000-line files arrive in a few reads, without copies.
    var info = stat()
    let expected = fstat(fd, &info) == 0 ? max(0, Int(info.st_size)) : 0
    var bytes = [UInt8](repeating: 0, count: expected + 1)
    var count = 0
    while true {
      if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(65536, bytes.count))) }
      let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw error(errno, path: path)
      }
      if n == 0 { break }
      count += n
    }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// Writes every changed file of `plan`; returns one receipt per file written.
  @discardableResult
  public func write(_ plan: WritePlan) throws(WriteError) -> [Receipt] {
    let files = plan.files.filter(\.isChange)
    try checkUnchanged(files)

    // Stage: temp files for backups and new versions; nothing renamed yet.
    struct Staged {
      var file: WritePlan.File
      var temp: String
      var backupTemp: String?
      var notes: [String]
    }
    var staged: [Staged] = []
    var cleanup: [String] = []
    do throws(WriteError) {
      for file in files {
        var notes: [String] = []
        var mode = file.creationMode
        var owner: (uid_t, gid_t)?
        if file.existed {
          var info = stat()
          if stat(file.path, &info) != 0 { throw Self.error(errno, path: file.path) }
          mode = file.kind.forcedMode ?? (UInt32(info.st_mode) & 0o7777)
          owner = (info.st_uid, info.st_gid)
        }
        var backupTemp: String?
        if file.existed {
          var ignored: [String] = []
          let temp = try writeTemp(
            file.originalBytes, near: Self.backupPath(for: file.path), mode: mode, owner: owner, notes: &ignored)
          cleanup.append(temp)
          backupTemp = temp
        }
        let temp = try writeTemp(file.newBytes, near: file.path, mode: mode, owner: owner, notes: &notes)
        cleanup.append(temp)
        staged.append(Staged(file: file, temp: temp, backupTemp: backupTemp, notes: notes))
      }
      try checkUnchanged(files)
    } catch {
      for temp in cleanup { unlink(temp) }
      throw error
    }

    // Commit: rename each backup, then each temp over its target. Renames are atomic; a
    // failure here puts back the originals of the files already renamed.
    var receipts: [Receipt] = []
    for (index, item) in staged.enumerated() {
      var backup: String?
      do throws(WriteError) {
        if let backupTemp = item.backupTemp {
          backup = Self.backupPath(for: item.file.path)
          try rename(backupTemp, backup!)
        }
        try rename(item.temp, item.file.path)
      } catch {
        for later in staged[index...] {
          unlink(later.temp)
          if let t = later.backupTemp { unlink(t) }
        }
        for done in staged[..<index] { restore(done.file) }
        throw error
      }
      receipts.append(
        Receipt(path: item.file.path, backupPath: backup, created: !item.file.existed, notes: item.notes))
    }
    for folder in Set(files.map { Self.folder(of: $0.path) }) { syncFolder(folder) }
    return receipts
  }

  // MARK: - Steps

  func checkUnchanged(_ files: [WritePlan.File]) throws(WriteError) {
    for file in files {
      let current = try Self.read(file.path)
      if file.existed ? current != file.originalBytes : current != nil {
        throw .fileChangedOnDisk(file.path)
      }
    }
  }

  /// Writes `bytes` to a new temp file next to `path`, with `mode` and (best effort) owner.
  func writeTemp(
    _ bytes: [UInt8], near path: String, mode: UInt32, owner: (uid_t, gid_t)?, notes: inout [String]
  ) throws(WriteError) -> String {
    let folder = Self.folder(of: path)
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var template = Array("\(folder)/.\(name).dms-relay-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 {
      let code = errno
      throw code == EACCES || code == EPERM || code == EROFS
        ? .permissionDenied(path: path)
        : .cannotCreate(path: path, reason: String(cString: strerror(code)))
    }
    let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    do throws(WriteError) {
      if fchmod(fd, mode_t(mode)) != 0 { throw Self.error(errno, path: path) }
      if let (uid, gid) = owner, uid != getuid() || gid != getgid() {
        if fchown(fd, uid, gid) != 0 {
          notes.append("could not keep the owner of '\(path)' (uid \(uid), gid \(gid)); the file now belongs to uid \(getuid())")
        }
      }
      var offset = 0
      while offset < bytes.count {
        let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 {
          if errno == EINTR { continue }
          throw Self.error(errno, path: path)
        }
        offset += n
      }
      if fsync(fd) != 0 { throw Self.error(errno, path: path) }
      if close(fd) != 0 { throw Self.error(errno, path: path) }
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    return temp
  }

  func rename(_ from: String, _ to: String) throws(WriteError) {
    if systemRename(from, to) != 0 { throw Self.error(errno, path: to) }
  }

  /// Best effort: puts the original bytes back after a failed commit.
  func restore(_ file: WritePlan.File) {
    if file.existed {
      var notes: [String] = []
      if let temp = try? writeTemp(file.originalBytes, near: file.path, mode: file.kind.creationMode, owner: nil, notes: &notes) {
        _ = try? rename(temp, file.path)
      }
    } else {
      unlink(file.path)
    }
  }

  func syncFolder(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func error(_ code: Int32, path: String) -> WriteError {
    switch code {
    case EACCES, EPERM, EROFS: return .permissionDenied(path: path)
    case ENOENT, ENOTDIR: return .cannotCreate(path: path, reason: String(cString: strerror(code)))
    default: return .io(path: path, reason: String(cString: strerror(code)))
    }
  }
}
