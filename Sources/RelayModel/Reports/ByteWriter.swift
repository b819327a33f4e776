#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable byte buffer for writing JSON fast: `preview --json` on 100,000 domains
/// writes 40 MB in some three million small pieces, and appending each to an `[UInt8]`
/// (a uniqueness check, a capacity check and a `memcpy` call per piece) cost more than
/// producing them.
struct ByteWriter: ~Copyable {
  private var start: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Bytes written so far.
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(64, capacity)
    start = .allocate(capacity: self.capacity)
  }

  /// A writer that starts empty in memory a previous writer `released`: the pieces of a
  /// large document reuse their buffers instead of mapping fresh pages for each.
  init(reusing buffer: Buffer) {
    start = buffer.start
    capacity = buffer.capacity
  }

  deinit { start.deallocate() }

  /// Memory handed from one writer to the next; whoever holds it deallocates it.
  struct Buffer: @unchecked Sendable {
    fileprivate let start: UnsafeMutablePointer<UInt8>
    fileprivate let capacity: Int
    /// How many bytes the writer that released it had written.
    let count: Int

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }

    func deallocate() { start.deallocate() }
  }

  /// Ends the writer, handing its memory (and what was written in it) to the caller.
  consuming func release() -> Buffer {
    let buffer = Buffer(start: start, capacity: capacity, count: count)
    discard self
    return buffer
  }

  /// The bytes written so far.
  func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: start, count: count))
  }

  /// Forgets what was written, keeping the memory.
  mutating func removeAll() { count = 0 }

  private mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    var grown = capacity * 2
    while count + extra > grown { grown *= 2 }
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    moved.update(from: start, count: count)
    start.deallocate()
    start = moved
    capacity = grown
  }

  /// Lets `body` write up to `maximum` bytes in place at the end; it returns how many it
  /// wrote. For pieces assembled from several parts (a JSON member's separator, indentation
  /// and key) with one capacity check instead of one per part.
  mutating func appendInPlace(maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    reserve(maximum)
    let written = body(start + count)
    assert(written <= maximum, "ByteWriter.appendInPlace: wrote \(written) of at most \(maximum) bytes")
    count += written
  }

  mutating func append(_ byte: UInt8) {
    reserve(1)
    start[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    reserve(bytes.count)
    // Most pieces are a few bytes: a loop beats calling memcpy for them.
    if bytes.count <= 16 {
      for i in 0..<bytes.count { start[count + i] = bytes[i] }
    } else if let base = bytes.baseAddress {
      memcpy(start + count, base, bytes.count)
    }
    count += bytes.count
  }

  mutating func append(_ text: StaticString) {
    append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// `n` in decimal.
  mutating func append(decimal n: Int) {
    if n < 0 { return append(Array(String(n).utf8)) }
    reserve(20)
    var digits = 1
    var rest = n / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    rest = n
    for i in stride(from: digits - 1, through: 0, by: -1) {
      start[count + i] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    count += digits
  }

  /// `text` as a JSON string, quotes included.
  mutating func append(jsonString text: String) {
    append(UInt8(ascii: "\""))
    append(jsonStringContent: text)
    append(UInt8(ascii: "\""))
  }

  /// `text` escaped as inside a JSON string, without the quotes.
  mutating func append(jsonStringContent text: String) {
    let plain: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
      let raw = UnsafeRawBufferPointer(bytes)
      guard !Self.needsEscaping(raw) else { return false }
      append(raw)
      return true
    }
    if plain != true {
      for byte in text.utf8 { append(jsonEscaped: byte) }
    }
  }

  /// One byte of a JSON string: a quote, a backslash and the control bytes escaped (`\n`,
  /// `\r`, `\t`, else `\u00XX` in lowercase hex), everything else (UTF-8 included) as is.
  private mutating func append(jsonEscaped byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): append("\\\"")
    case UInt8(ascii: "\\"): append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    case 0..<0x20:
      let hex: StaticString = "0123456789abcdef"
      append("\\u00")
      append(hex.utf8Start[Int(byte >> 4)])
      append(hex.utf8Start[Int(byte & 0x0F)])
    default: append(byte)
    }
  }

  /// Whether any byte is below 0x20, a quote or a backslash (eight bytes at a time).
  static func needsEscaping(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    while i + 8 <= bytes.count {
      let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      let control = (w &- ones &* 0x20) & ~w & highs
      let quote = ((w ^ (ones &* 0x22)) &- ones) & ~(w ^ (ones &* 0x22)) & highs
      let backslash = ((w ^ (ones &* 0x5C)) &- ones) & ~(w ^ (ones &* 0x5C)) & highs
      if control | quote | backslash != 0 { return true }
      i += 8
    }
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return true }
      i += 1
    }
    return false
  }
}
