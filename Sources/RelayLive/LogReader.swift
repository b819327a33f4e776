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

  /// Reads `fd` to its end, the next chunk on another thread.
  static func readPlain(descriptor fd: Int32, path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    try ChunkPrefetch.run(
      chunkSize: chunkSize,
      produce: { buffer, size in
        while true {
          let n = Glibc.read(fd, buffer, size)
          if n >= 0 { return n }
          if errno != EINTR { throw LogReadError.cannotRead(path: path, reason: errnoText()) }
        }
      }, body)
  }

  /// Reads a gzip file (all its members, as `gzip -dc` does), inflating the next chunk on
  /// another thread.
  static func readGzip(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    guard let opened = gzopen(path, "rb") else { throw LogReadError.cannotOpen(path: path, reason: errnoText()) }
    let file = GzipFile(opened)
    defer { gzclose(file.handle) }
    gzbuffer(file.handle, 1 << 20)
    try ChunkPrefetch.run(
      chunkSize: chunkSize,
      produce: { buffer, size in
        let n = gzread(file.handle, buffer, UInt32(size))
        var code: Int32 = 0
        if n < 0 {
          let message = gzerror(file.handle, &code).map { String(cString: $0) } ?? "error \(code)"
          throw LogReadError.corruptGzip(path: path, reason: message)
        }
        // A truncated file ends without an error from gzread; gzerror tells.
        if n == 0, gzerror(file.handle, &code) != nil, code == Z_BUF_ERROR {
          throw LogReadError.corruptGzip(path: path, reason: "unexpected end of file")
        }
        return Int(n)
      }, body)
  }

  /// zlib's handle, used by the prefetch thread only while the caller waits in `run`.
  private final class GzipFile: @unchecked Sendable {
    let handle: gzFile
    init(_ handle: gzFile) { self.handle = handle }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
