#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }

/// Performs `WritePlan`s safely: all or nothing, atomically, keeping a backup.
///
/// For each changed file: the previous version goes to `NAME.bak` (overwritten each time);
/// the new bytes are written to a temp file in the same folder, fsynced, given the old
/// file's mode and owner, and renamed over the file; then the folder is fsynced. Before any
/// rename every target is re-read and compared with the bytes the plan was made from, so a
/// file changed by someone else is never overwritten. `postfix-sasl-password.cf` (and its
/// backup) is always 0600.
///
/// The whole write runs under the folders' `WriteLock` (taken here unless the caller holds
/// it from before its read, as the CLI does). A symbolic link is written through: the new
/// bytes replace its target atomically (temp and backup beside the target), the link stays.
public struct FileStore: Sendable {
  /// Seconds a writer waits for another's lock before refusing with `.locked`.
  public var lockTimeout: Double

  public init(lockTimeout: Double = 5) { self.lockTimeout = lockTimeout }

  /// What happened to one file.
  public struct Receipt: Hashable, Sendable {
    public var path: String
    /// Where the previous version was kept; nil when the file was created.
    public var backupPath: String?
    public var created: Bool
    /// E.g. that the owner could not be kept.
    public var notes: [String]
    /// The file actually written when `path` is a symbolic link.
    public var linkTarget: String?

    public init(path: String, backupPath: String?, created: Bool, notes: [String] = [], linkTarget: String? = nil) {
      self.path = path
      self.backupPath = backupPath
      self.created = created
      self.notes = notes
      self.linkTarget = linkTarget
    }

    /// `wrote PATH (previous version: PATH.bak)` / `created PATH`; for a link
    /// `wrote LINK through the symbolic link to TARGET (previous version: TARGET.bak)`.
    public var summary: String {
      let through = linkTarget.map { " through the symbolic link to \($0)" } ?? ""
      if let backupPath { return "wrote \(path)\(through) (previous version: \(backupPath))" }
      return "created \(path)\(through)"
    }
  }

  public static func backupPath(for path: String) -> String { path + ".bak" }

  /// Writes every changed file of `plan`; returns one receipt per file written.
  ///
  /// Takes the write lock of the folders involved unless `lock` already holds them (pass the
  /// lock taken before reading, so the changed-on-disk check covers the whole edit).
  @discardableResult
  public func write(_ plan: WritePlan, holding lock: WriteLock? = nil) throws(WriteError) -> [Receipt] {
    let files = plan.files.filter(\.isChange)
    var targets: [String] = []
    for file in files { targets.append(try Self.writeTarget(of: file.path)) }
    var needed: [String] = []
    var blamed: [String: String] = [:]
    for (file, target) in zip(files, targets) {
      let folder = Self.canonicalFolder(Self.folder(of: target))
      guard !(lock?.holds(folder) ?? false) else { continue }
      needed.append(folder)
      if blamed[folder] == nil { blamed[folder] = file.path }
    }
    let own = needed.isEmpty ? nil : try self.lock(folders: needed, files: blamed)
    defer { own?.release() }
    var receipts = try writeLocked(files, targets: targets)
    if let own, !own.removedTemps.isEmpty, !receipts.isEmpty {
      receipts[0].notes += own.removedTemps.map(Self.staleTempNote)
    }
    return receipts
  }

  /// The note for a stale temp removed on taking the lock.
  public static func staleTempNote(_ path: String) -> String {
    "removed '\(path)', a temp file left by a dms-relay write that was interrupted (the file it was for was never changed by it)"
  }

  func writeLocked(_ files: [WritePlan.File], targets: [String]) throws(WriteError) -> [Receipt] {
    try checkUnchanged(files)

    // Stage: temp files for backups and new versions; nothing renamed yet.
    struct Staged {
      var file: WritePlan.File
      var target: String
      var temp: String
      var backupTemp: String?
      var notes: [String]
      var mode: UInt32
      var owner: (uid_t, gid_t)?
    }
    var staged: [Staged] = []
    var cleanup: [String] = []
    do throws(WriteError) {
      for (file, target) in zip(files, targets) {
        var notes: [String] = []
        var mode = file.creationMode
        var owner: (uid_t, gid_t)?
        if file.existed {
          var info = stat()
          if stat(target, &info) != 0 { throw Self.error(errno, path: file.path) }
          mode = file.kind.forcedMode ?? (UInt32(info.st_mode) & 0o7777)
          owner = (info.st_uid, info.st_gid)
        }
        var backupTemp: String?
        if file.existed {
          var ignored: [String] = []
          let temp = try writeTemp(
            file.originalBytes, near: Self.backupPath(for: target), mode: mode, owner: owner, notes: &ignored)
          cleanup.append(temp)
          backupTemp = temp
        }
        let temp = try writeTemp(file.newBytes, near: target, mode: mode, owner: owner, notes: &notes)
        cleanup.append(temp)
        staged.append(
          Staged(file: file, target: target, temp: temp, backupTemp: backupTemp, notes: notes, mode: mode, owner: owner))
      }
      try checkUnchanged(files)
    } catch {
      for temp in cleanup { unlink(temp) }
      throw error
    }

    // Commit: rename each backup, then each temp over its target. Renames are atomic; a
    // failure here puts back the originals of the files already renamed, with the mode and
    // owner they had.
    var receipts: [Receipt] = []
    for (index, item) in staged.enumerated() {
      var backup: String?
      do throws(WriteError) {
        if let backupTemp = item.backupTemp {
          backup = Self.backupPath(for: item.target)
          try rename(backupTemp, backup!)
        }
        try rename(item.temp, item.target)
      } catch {
        for later in staged[index...] {
          unlink(later.temp)
          if let t = later.backupTemp { unlink(t) }
        }
        for done in staged[..<index] { restore(done.file, at: done.target, mode: done.mode, owner: done.owner) }
        throw error
      }
      receipts.append(
        Receipt(
          path: item.file.path, backupPath: backup, created: !item.file.existed, notes: item.notes,
          linkTarget: item.target == item.file.path ? nil : item.target))
    }
    for folder in Set(targets.map { Self.folder(of: $0) }) { syncFolder(folder) }
    return receipts
  }

  /// The file a write of `path` replaces: `path` itself, or the final target of a symbolic
  /// link (so the link survives). A link whose target is missing is refused.
  public static func writeTarget(of path: String) throws(WriteError) -> String {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
    guard let resolved = realpath(path, nil) else {
      var buffer = [CChar](repeating: 0, count: 4097)
      let n = readlink(path, &buffer, 4096)
      let target = n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
      throw .danglingSymlink(path: path, target: target)
    }
    defer { free(resolved) }
    return String(cString: resolved)
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

  /// Best effort: puts the original bytes back after a failed commit, with the mode and
  /// owner the file had (an env file holding a password stays 0600).
  func restore(_ file: WritePlan.File, at target: String, mode: UInt32, owner: (uid_t, gid_t)?) {
    if file.existed {
      var notes: [String] = []
      if let temp = try? writeTemp(file.originalBytes, near: target, mode: mode, owner: owner, notes: &notes) {
        _ = try? rename(temp, target)
      }
    } else {
      unlink(target)
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
