import RelayModel
import Testing

@testable import RelayTUI

/// Issue 11 §14: one line of a megabyte in a config file must not make each key take
/// seconds: lines are cut for display before any row is measured or wrapped.
@Suite("A 1 MB line in any file keeps keys fast", .serialized)
struct BigLineFrameTests {
  static let megabyte = String(repeating: "x", count: 1 << 20)

  static let cases: [(String, String)] = [
    (RelayMapFile.fileName, "@big.test [\(megabyte).test]:25\n@\(megabyte).test [r.test]:25\n"),
    (SaslPasswordFile.fileName, "@big.test \(megabyte):pw\n@demo.test u:\(megabyte)\n"),
    (AccountsFile.fileName, "user@\(megabyte).test|{SHA512-CRYPT}$6$x$hash\n"),
    (VirtualFile.fileName, "alias@\(megabyte).test target@demo.test\n"),
  ]

  @Test("every key on every screen stays under a second", arguments: 0..<4)
  func keysStayFast(_ index: Int) {
    let (name, text) = Self.cases[index]
    let clock = ContinuousClock()
    var state: AppState!
    let opened = clock.measure { state = ScreenFixture.state(extraFiles: [name: text]) }
    var worst = Duration.zero
    for tab in ["1", "2", "3", "4"] {
      let keys: [Key] = [.character(Character(tab)), .end, .home, .down, .end, .up, .pageDown]
      for key in keys {
        let elapsed = clock.measure {
          _ = reduce(into: &state, action: .keyPressed(key))
          _ = ScreenFixture.draw(state)
        }
        worst = max(worst, elapsed)
      }
    }
    print("dms-relay 1 MB line in \(name): opened in \(opened), worst key \(worst)")
    // Bounded time, not a benchmark: before the fix single keys took 15–62 s.
    #expect(worst < .seconds(2))
  }
}
