#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Substring search on bytes: `memchr` for the first byte, `memcmp` for the rest. (glibc's
/// `memmem` is not visible to Swift without `_GNU_SOURCE`; log needles are short and their
/// first byte is rare enough that this is as fast.)
enum ByteSearch {
  static func find(_ base: UnsafeRawPointer, _ count: Int, _ needle: UnsafePointer<UInt8>, _ length: Int) -> Int? {
    guard length > 0, count >= length else { return length == 0 ? 0 : nil }
    let first = Int32(needle[0])
    var at = 0
    let last = count - length
    while at <= last {
      guard let hit = memchr(base + at, first, last - at + 1) else { return nil }
      let i = base.distance(to: UnsafeRawPointer(hit))
      if memcmp(base + i + 1, needle + 1, length - 1) == 0 { return i }
      at = i + 1
    }
    return nil
  }

  /// The first `byte` in `bytes` at or after `from` (`memchr`; `firstIndex(of:)` goes byte by byte).
  static func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
    guard let base = bytes.baseAddress, from < bytes.count,
      let hit = memchr(base + from, Int32(byte), bytes.count - from)
    else { return nil }
    return base.distance(to: UnsafeRawPointer(hit))
  }
}
