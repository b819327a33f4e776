#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a log file and keeps reading as it grows, like `tail -F`: when logrotate renames
/// it away (a new inode at the path) the rest of the old file is read first, then the new
/// file from its start; when it is truncated in place (`copytruncate`), reading restarts
/// at the start.
public struct LogFollower {
  public var path: String
  /// How often to look for new lines.
  public var interval: Double

  public init(path: String, interval: Double = 0.25) {
    self.path = path
    self.interval = interval
  }

  /// Reads until `until()` returns true (checked after each poll). `onReplaced` is called
  /// when the file was rotated or truncated, before the new file's first chunk.
  public func follow(
    until: () -> Bool, onReplaced: () -> Void, _ body: (UnsafeRawBufferPointer) -> Void
  ) throws {
    var fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw LogReadError.cannotOpen(path: path, reason: LogReader.errnoText()) }
    defer { close(fd) }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: LogReader.chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    func drain() throws {
      while true {
        let n = read(fd, buffer, LogReader.chunkSize)
        if n < 0, errno == EINTR { continue }
        if n < 0 { throw LogReadError.cannotRead(path: path, reason: LogReader.errnoText()) }
        if n == 0 { return }
        offset += n
        body(UnsafeRawBufferPointer(start: buffer, count: n))
      }
    }
    while true {
      try drain()
      if until() { return }
      usleep(UInt32(interval * 1_000_000))
      var open_ = stat()
      var now = stat()
      guard fstat(fd, &open_) == 0 else { continue }
      if stat(path, &now) == 0, now.st_ino != open_.st_ino || now.st_dev != open_.st_dev {
        // Rotated: finish the old file, then switch.
        try drain()
        let next = open(path, O_RDONLY | O_CLOEXEC)
        if next >= 0 {
          close(fd)
          fd = next
          offset = 0
          onReplaced()
        }
      } else if Int(open_.st_size) < offset {
        // Truncated in place.
        lseek(fd, 0, SEEK_SET)
        offset = 0
        onReplaced()
      }
    }
  }
}
