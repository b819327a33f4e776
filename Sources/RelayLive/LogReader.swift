internal import CZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads mail logs in large chunks for `MailLogJoiner`: plain files with `read(2)`, rotated
/// `.gz` files (recognised by their magic bytes, not their name) through zlib, standard input.
public enum LogReader {
  /// 4 MB: large enough that the per-chunk cost vanishes, small enough to stay in cache-ish memory.
  public static let chunkSize = 4 << 20

  /// Calls `body` with each chunk of the file at `path` (`-` for standard input), decompressed.
  public static func read(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    if path == "-" { return try readPlain(descriptor: 0, path: "standard input", body) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw LogReadError.cannotOpen(path: path, reason: errnoText()) }
    var magic: (UInt8, UInt8) = (0, 0)
    let got = withUnsafeMutableBytes(of: &magic) { Glibc.read(fd, $0.baseAddress, 2) }
    let isGzip = got == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    if isGzip {
      close(fd)
      return try readGzip(path, body)
    }
    defer { close(fd) }
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw LogReadError.cannotRead(path: path, reason: errnoText()) }
    try readPlain(descriptor: fd, path: path, body)
  }

  /// Reads `fd` to its end.
  static func readPlain(descriptor fd: Int32, path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let n = Glibc.read(fd, buffer, chunkSize)
      if n < 0 {
        if errno == EINTR { continue }
        throw LogReadError.cannotRead(path: path, reason: errnoText())
      }
      if n == 0 { return }
      body(UnsafeRawBufferPointer(start: buffer, count: n))
    }
  }

  /// Reads a gzip file (all its members, as `gzip -dc` does).
  static func readGzip(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    guard let file = gzopen(path, "rb") else { throw LogReadError.cannotOpen(path: path, reason: errnoText()) }
    defer { gzclose(file) }
    gzbuffer(file, 1 << 20)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let n = gzread(file, buffer, UInt32(chunkSize))
      if n < 0 {
        var code: Int32 = 0
        let message = gzerror(file, &code).map { String(cString: $0) } ?? "error \(code)"
        throw LogReadError.corruptGzip(path: path, reason: message)
      }
      if n == 0 {
        // A truncated file ends without error from gzread; gzerror tells.
        var code: Int32 = 0
        _ = gzerror(file, &code)
        if code == Z_BUF_ERROR { throw LogReadError.corruptGzip(path: path, reason: "unexpected end of file") }
        return
      }
      body(UnsafeRawBufferPointer(start: buffer, count: Int(n)))
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
