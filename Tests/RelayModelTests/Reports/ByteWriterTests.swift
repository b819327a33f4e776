import Testing
@testable import RelayModel

/// JSON string escaping written from RFC 8259 §7, scalar by scalar: the writer's reference.
func referenceJSONString(_ text: String) -> [UInt8] {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case _ where scalar.value < 0x20:
      let hex = String(scalar.value, radix: 16)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: out.unicodeScalars.append(scalar)
    }
  }
  return Array((out + "\"").utf8)
}

@Suite("The byte writer escapes JSON strings")
struct ByteWriterTests {
  /// Bytes that need escaping at every position of strings around the eight-byte words the
  /// writer scans, and ordinary ASCII and UTF-8 around them.
  static let pieces = ["a", "relay", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", " ", "é", "📮", "~", "\u{7F}"]

  @Test("random strings: quotes, backslashes, control bytes, UTF-8; Foundation reads them back", arguments: 0..<20)
  func matchesTree(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<200 {
      let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in rng.pick(Self.pieces) }.joined()
      var writer = ByteWriter(capacity: 1)
      writer.append(jsonString: text)
      let written = writer.withBytes { Array($0) }
      #expect(written == referenceJSONString(text), "\(text.debugDescription)")
      #expect((try? parseJSON(written)) as? String == text, "\(text.debugDescription)")
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
