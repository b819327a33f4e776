import Testing
@testable import RelayModel

@Suite("The byte key index finds each key, folded or exact")
struct ByteKeyIndexTests {
  @Test("IDs in first-seen order; folding only when asked", arguments: [false, true])
  func idsAndFolding(foldsCase: Bool) {
    var index = ByteKeyIndex(foldsCase: foldsCase)
    #expect(index.insert("@Example.test".utf8) == (0, true))
    #expect(index.insert("@other.test".utf8) == (1, true))
    #expect(index.insert("@example.TEST".utf8) == (foldsCase ? 0 : 2, !foldsCase))
    #expect(index.id(of: "@EXAMPLE.test") == (foldsCase ? 0 : nil))
    #expect(index.id(of: "@Example.test") == 0)
    #expect(index.id(of: "@example.tes") == nil)
    #expect(index.id(of: "") == nil)
    #expect(Bytes.string(index.key(0)) == (foldsCase ? "@example.test" : "@Example.test"))
  }

  @Test("agrees with a Dictionary through growth, on random keys")
  func agreesWithDictionary() {
    var rng = SeededGenerator(seed: 7)
    var index = ByteKeyIndex(foldsCase: true)
    var reference: [String: Int] = [:]
    for _ in 0..<20_000 {
      let key = String((0..<Int.random(in: 0...6, using: &rng)).map { _ in rng.pick(Array("aAbB.@-")) })
      let folded = String(decoding: key.utf8.map(Bytes.lower), as: UTF8.self)
      let (id, inserted) = index.insert(key.utf8)
      #expect(inserted == (reference[folded] == nil))
      if inserted { reference[folded] = id }
      #expect(reference[folded] == id)
    }
    for (key, id) in reference { #expect(index.id(of: key.uppercased()) == id) }
    #expect(index.count == reference.count)
  }

  /// Keys of 0 to 40 bytes (hashed and compared eight bytes at a time, so every length
  /// around a word boundary), with bytes above 0x7F (UTF-8 domains: folding must leave them
  /// alone) and every ASCII letter (folding must fold them).
  static let longAlphabet: [UInt8] = Array("aZ.@-é📮".utf8) + [0x80, 0xC3, 0xFF, 0x41, 0x5A, 0x61, 0x7A, 0x40, 0x5B, 0x60, 0x7B]

  @Test("long and non-ASCII keys agree with a Dictionary of folded bytes", arguments: [false, true])
  func longAndNonASCIIKeys(foldsCase: Bool) {
    var rng = SeededGenerator(seed: foldsCase ? 11 : 12)
    var index = ByteKeyIndex(foldsCase: foldsCase, capacity: 4)
    var reference: [[UInt8]: Int] = [:]
    func folded(_ key: [UInt8]) -> [UInt8] {
      // Only A–Z fold: '@' (0x40), '[' (0x5B), '`' (0x60), '{' (0x7B) and bytes above 0x7F stay.
      foldsCase ? key.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } : key
    }
    for _ in 0..<5_000 {
      let key = (0..<Int.random(in: 0...40, using: &rng)).map { _ in rng.pick(Self.longAlphabet) }
      let (id, inserted) = index.insert(key)
      #expect(inserted == (reference[folded(key)] == nil), "\(key)")
      if inserted { reference[folded(key)] = id }
      #expect(reference[folded(key)] == id)
      #expect(Array(index.key(id)) == folded(key))
    }
    for (key, id) in reference {
      #expect(index.id(of: key) == id)
      // One byte changed past the first eight finds nothing (or another key, never this one).
      if key.count > 8 {
        var other = key
        other[key.count - 1] ^= 0x01
        if folded(other) != key { #expect(index.id(of: other) != id) }
      }
    }
    #expect(index.count == reference.count)
    #expect(reference.keys.contains { $0.count > 16 && $0.contains { $0 >= 0x80 } })
  }
}
