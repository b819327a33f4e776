import Testing
@testable import RelayModel

@Suite("The byte writer escapes JSON strings as the JSON tree does")
struct ByteWriterTests {
  /// Bytes that need escaping at every position of strings around the eight-byte words the
  /// writer scans, and ordinary ASCII and UTF-8 around them.
  static let pieces = ["a", "relay", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", " ", "é", "📮", "~", "\u{7F}"]

  @Test("random strings: quotes, backslashes, control bytes, UTF-8", arguments: 0..<20)
  func matchesTree(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<200 {
      let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in rng.pick(Self.pieces) }.joined()
      var writer = ByteWriter(capacity: 1)
      writer.append(jsonString: text)
      var tree: [UInt8] = []
      JSONValue.escape(text, into: &tree)
      #expect(writer.withBytes { Array($0) } == tree, "\(text.debugDescription)")
    }
  }

  @Test("decimals and growth past the first capacity")
  func decimalsAndGrowth() {
    var writer = ByteWriter(capacity: 1)
    var expected = ""
    for n in [0, 7, 10, 99, 100, 12345, Int.max, -42] {
      writer.append(decimal: n)
      writer.append(UInt8(ascii: ","))
      expected += "\(n),"
    }
    #expect(String(decoding: writer.withBytes { Array($0) }, as: UTF8.self) == expected)
    let reused = ByteWriter(reusing: writer.release())
    #expect(reused.count == 0)
  }
}
