import Testing

@testable import RelayModel

@Suite("Every document type gives back its exact bytes, and edits touch only their lines")
struct RoundTripTests {
  static let seeds = Array(0..<60)

  static func generated(_ seed: Int) -> [UInt8] {
    var rng = SeededGenerator(seed: UInt64(seed))
    return GeneratedFiles.file(
      from: GeneratedFiles.anyLines, lines: Int.random(in: 0...30, using: &rng),
      crlfRate: [0, 0.5, 1][seed % 3], using: &rng)
  }

  @Test("parse then render is the identity for every document type", arguments: seeds)
  func identity(seed: Int) {
    let bytes = Self.generated(seed)
    #expect(TextDocument(bytes: bytes).bytes == bytes)
    #expect(RelayMapFile(bytes: bytes).document.bytes == bytes)
    #expect(SaslPasswordFile(bytes: bytes).document.bytes == bytes)
    #expect(AccountsFile(bytes: bytes).document.bytes == bytes)
    #expect(VirtualFile(bytes: bytes).document.bytes == bytes)
    #expect(EnvFile(bytes: bytes).document.bytes == bytes)
    // Classification never crashes on any line.
    _ = RelayMapFile(bytes: bytes).kinds
    _ = SaslPasswordFile(bytes: bytes).kinds
    _ = AccountsFile(bytes: bytes).kinds
    _ = VirtualFile(bytes: bytes).kinds
    _ = EnvFile(bytes: bytes).kinds
  }

  @Test("edge cases: empty, lone newline, lone CR, no final newline, only CRLF")
  func edges() {
    for bytes: [UInt8] in [[], [0x0A], [0x0D], [0x41], [0x0D, 0x0A], [0x0A, 0x0A, 0x41], [0xFF]] {
      #expect(TextDocument(bytes: bytes).bytes == bytes)
    }
  }

  static let edits: [RelayEdit] = [
    .addDomain(domain: "example.com", host: "smtp.relay.test", port: 587),
    .excludeDomain(domain: "optout.test"),
    .addAuth(domain: "example.com", user: "u", password: "p"),
    .delDomain(domain: "example.com"),
    .includeDomain(domain: "optout.test"),
    .setEnv(key: "RELAY_HOST", value: "h"),
    .unsetEnv(key: "RELAY_HOST"),
  ]

  /// Removing the lines about the edit's key from both versions leaves the same lines, byte
  /// for byte and in order (a last line that had to be terminated compares by content).
  @Test("lines an edit is not about keep their bytes and order", arguments: seeds)
  func untouched(seed: Int) {
    let bytes = Self.generated(seed)
    let doc = TextDocument(bytes: bytes)
    for edit in Self.edits {
      let result: EditResult
      do {
        result = try edit.apply(to: doc, fileName: "f")
      } catch {
        // A refusal must be one the file's content explains, never a silent skip.
        switch error {
        case .nothingToRemove:
          #expect(!doc.lines.contains { isAbout(edit, $0) }, "seed \(seed) \(edit): refused although a line is about it")
        case .keySpelledDifferently(let location, let existing, let requested):
          #expect(existing != requested && existing.lowercased() == requested.lowercased(), "seed \(seed) \(edit)")
          #expect((1...max(doc.lines.count, 1)).contains(location.line ?? 0), "seed \(seed) \(edit)")
        default:
          Issue.record("seed \(seed) \(edit): unexpected refusal \(error)")
        }
        continue
      }
      let before = doc.lines.filter { !isAbout(edit, $0) }
      var after = result.document.lines.filter { !isAbout(edit, $0) }
      if let last = doc.lines.last, !last.hasNewline, !isAbout(edit, last),
        let index = after.lastIndex(where: { $0.content == last.content })
      {
        // The only permitted change to another line: a final newline added before an append.
        after[index] = last
      }
      #expect(before == after, "seed \(seed) \(edit)")
    }
  }

  func isAbout(_ edit: RelayEdit, _ line: Line) -> Bool {
    let text = line.text
    switch edit {
    case .setEnv(let key, _), .unsetEnv(let key):
      if case .assignment(let k, _) = EnvFile.classify(line) { return k == key }
      return false
    default:
      return text.trimmingWhitespace().hasPrefix("@\(edit.domain!)")
    }
  }
}
