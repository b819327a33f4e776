import Testing
@testable import RelayModel

/// The prefix index against a plain scan of every line, on random lines built from the bytes
/// that decide DMS's grep checks (`@`, dots, hyphens, word bytes, spaces, tabs) with random
/// insertions and removals, as the generator makes when it glues a line.
@Suite("The line prefix index answers DMS's grep checks like a scan of the lines")
struct LinePrefixIndexTests {
  static let alphabet: [UInt8] = Array("@@ab.-x \t".utf8)

  /// What `grep -q` answers for `^@domain` + ending over `lines`, one line at a time.
  static func scan(_ lines: [[UInt8]], _ pattern: DomainPattern, _ ending: LinePrefixIndex.Ending) -> Bool {
    let count = pattern.count
    return lines.contains { line in
      guard line.count >= count else { return false }
      for i in 0..<count {
        if let b = pattern.literal(at: i), line[i] != b { return false }
      }
      let next: UInt8? = count < line.count ? line[count] : nil
      switch ending {
      case .endOfLine: return next == nil
      case .whitespace: return next.map(Bytes.isSpace) ?? false
      case .wordBoundary:
        if Bytes.isWord(line[count - 1]) { return next.map { !Bytes.isWord($0) } ?? true }
        return next.map(Bytes.isWord) ?? false
      }
    }
  }

  static func randomBytes(_ rng: inout SeededGenerator, maxLength: Int, startWithAt: Bool) -> [UInt8] {
    var bytes = (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in rng.pick(alphabet) }
    if startWithAt, rng.chance(0.8) { bytes.insert(UInt8(ascii: "@"), at: 0) }
    return bytes
  }

  @Test("random lines, insertions, removals and patterns", arguments: 0..<40)
  func matchesScan(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    let depth = 9
    var index = LinePrefixIndex(depthLimit: depth)
    var lines: [[UInt8]] = []
    for _ in 0..<Int.random(in: 1...60, using: &rng) {
      if !lines.isEmpty, rng.chance(0.25) {
        let removed = lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
        index.remove(removed)
      } else {
        // Longer than the depth limit at times: the index keeps only the first bytes.
        let line = rng.chance(0.3) && !lines.isEmpty ? rng.pick(lines) : Self.randomBytes(&rng, maxLength: 12, startWithAt: true)
        lines.append(line)
        index.insert(line)
      }
      for _ in 0..<8 {
        let domain = Self.randomBytes(&rng, maxLength: depth - 2, startWithAt: false).filter { $0 != UInt8(ascii: "@") }
        let pattern = DomainPattern(domain: domain[...])
        for ending in [LinePrefixIndex.Ending.wordBoundary, .whitespace, .endOfLine] {
          #expect(
            index.matches(pattern, ending: ending) == Self.scan(lines, pattern, ending),
            "seed \(seed): '@\(Bytes.string(domain))' \(ending) over \(lines.map(Bytes.string))")
          #expect(
            lines.contains { pattern.matches($0[...], ending: ending) } == Self.scan(lines, pattern, ending),
            "seed \(seed): one line at a time, '@\(Bytes.string(domain))' \(ending)")
        }
      }
    }
  }
}
