#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

extension FileStore {
  /// Reads a file; nil when it does not exist.
  ///
  /// Only regular files are read: the file is opened non-blocking (opening a FIFO for
  /// reading would otherwise wait for a writer forever) and refused unless `fstat` says it
  /// is a regular file. At most `limit` bytes are read; a larger (or growing) file is
  /// refused with `.tooLarge`.
  public static func read(_ path: String, limit: Int = ReadLimit.configFile) throws(WriteError) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
    if fd < 0 {
      let code = errno
      if code == ENOENT { return nil }
      throw error(code, path: path)
    }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) != 0 { throw error(errno, path: path) }
    if let kind = nonRegularKind(info.st_mode) { throw .notARegularFile(path: path, kind: kind) }
    let size = max(0, Int(info.st_size))
    if size > limit { throw .tooLarge(path: path, limit: limit) }
    // Read straight into a buffer of the file's size (plus one byte, to see it grow while
    // being read): 100,000-line files arrive in a few reads, without copies.
    var bytes = [UInt8](repeating: 0, count: size + 1)
    var count = 0
    while true {
      if count == bytes.count {
        if count > limit { throw .tooLarge(path: path, limit: limit) }
        bytes.append(contentsOf: repeatElement(0, count: min(max(65536, bytes.count), limit + 1 - count + 1)))
      }
      let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw error(errno, path: path)
      }
      if n == 0 { break }
      count += n
    }
    if count > limit { throw .tooLarge(path: path, limit: limit) }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// "a FIFO", "a folder" … for anything that is not a regular file; nil for one.
  static func nonRegularKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "not a file"
    }
  }
}
