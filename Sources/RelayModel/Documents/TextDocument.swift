#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A configuration file as a list of byte-exact lines.
///
/// Parsing never fails and never normalises: `TextDocument(bytes:).bytes` is the input,
/// whatever it contains (CRLF, tabs, a missing final newline, invalid UTF-8). Typed views
/// such as `RelayMapFile` classify these lines without owning a second copy of the text.
public struct TextDocument: Hashable, Sendable {
  public var lines: [Line]

  public init(lines: [Line] = []) {
    self.lines = lines
  }

  public init(bytes: [UInt8]) {
    var lines: [Line] = []
    lines.reserveCapacity(bytes.count / 24 + 1)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      // memchr finds each newline; each line is one copy of its bytes.
      while start < buffer.count,
        let found = memchr(base + start, 0x0A, buffer.count - start)
      {
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        lines.append(Line(body: Array(UnsafeBufferPointer(rebasing: buffer[start..<end])), hasNewline: true))
        start = end + 1
      }
      if start < buffer.count {
        lines.append(Line(body: Array(UnsafeBufferPointer(rebasing: buffer[start...])), hasNewline: false))
      }
    }
    self.lines = lines
  }

  public init(text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// The file's bytes, exactly as they will be written.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(lines.reduce(0) { $0 + $1.body.count + 1 })
    for line in lines {
      out.append(contentsOf: line.body)
      if line.hasNewline { out.append(0x0A) }
    }
    return out
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// False when the last line is not terminated (spec §4: gluing quirks).
  public var hasFinalNewline: Bool { lines.last?.hasNewline ?? true }

  public var lineEnding: LineEnding { LineEnding.detect(in: lines) }

  public var isEmpty: Bool { lines.isEmpty }
}
