/// A reproducible random source for the generated-file and planner property tests
/// (SplitMix64: small, fast and the same on every platform, so a failing seed reproduces).
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
  mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &self)! }
}

/// Generators of configuration-file bytes mixing everything DMS and admins put in them.
enum GeneratedFiles {
  /// Line bodies (without terminator) of every shape the documents must survive.
  static let anyLines: [[UInt8]] =
    [
      "# comment", "#", "   # indented comment", "", "   ", "\t",
      "@example.com [smtp.relay.test]:587", "@example.com\t[smtp.relay.test]:25",
      "@example.org [a.test]:2525 # trailing note", "  @indented.test [x]:25", "@optout.test",
      "@optout.test ", "@optout.test\t", "user@example.net [h]:25", "[relay.test]:587 user:pw",
      "@example.com user:p@ss:w/rd&x", "KEY=VALUE", "RELAY_HOST=smtp.example.test", "export FOO=bar",
      "=novalue", "no separator here", "käse@exämple.test [ü]:25", "日本語 のテスト", "emoji 📮 line",
      "malformed|line|with|bars", "a@b.test|{SHA512-CRYPT}$6$abc",
    ].map { Array($0.utf8) } + [
      [0xFF, 0xFE, 0x20, 0x41],  // invalid UTF-8
      [0x40, 0xC3, 0x28, 0x20, 0x78],  // invalid continuation
      [0x00, 0x41],  // NUL
      [0x0D],  // lone CR
      [0x41, 0x0D, 0x42],  // CR in the middle
    ]

  /// A random file: lines from `pool`, each LF or CRLF, the last one maybe unterminated.
  static func file(
    from pool: [[UInt8]], lines count: Int, crlfRate: Double, using rng: inout SeededGenerator,
    finalNewline: Bool? = nil
  ) -> [UInt8] {
    var bytes: [UInt8] = []
    for index in 0..<count {
      bytes += pool.randomElement(using: &rng)!
      let isLast = index == count - 1
      if isLast, !(finalNewline ?? Bool.random(using: &rng)) { break }
      if Double.random(in: 0..<1, using: &rng) < crlfRate { bytes.append(0x0D) }
      bytes.append(0x0A)
    }
    return bytes
  }
}
