import Testing

@testable import RelayModel

/// `--read-only` (issue 14, Feel): every edit key is refused and hidden; browsing works.
@Suite("Read-only mode")
struct ReadOnlyTests {
  @Test("edit keys are refused with a status message; nothing is pending; moving works")
  func refused() {
    var store = AppTestStore(.opening(AppFixture.demo(), size: AppFixture.size, readOnly: true))
    #expect(store.state.isReadOnly)
    store.press(.character("1"))
    for key: Character in ["a", "e", "d", "x", "E", "w", "u"] {
      store.press(.character(key))
      #expect(store.state.destination == nil, "\(key) opened something")
      #expect(store.state.status == StatusMessage("read-only (--read-only): nothing can be changed here", .warning))
    }
    #expect(store.state.workspace.edits.isEmpty)
    store.press(.down)
    #expect(store.state.position(.domains).selected == 1)
    store.press(.function(2))
    #expect(store.state.destination == nil)
  }

  @Test("the key bar shows no edit key; help and quit stay")
  func keyBar() {
    let state = AppState.opening(AppFixture.demo(), size: AppFixture.size, readOnly: true)
    let keys = state.keyHints.map(\.key)
    #expect(!keys.contains("a") && !keys.contains("e") && !keys.contains("d") && !keys.contains("x"))
    #expect(keys.contains("?") && keys.contains("q"))
    let writable = AppState.opening(AppFixture.demo(), size: AppFixture.size)
    #expect(writable.keyHints.map(\.key).contains("e"))
  }

  @Test("no setup wizard is offered")
  func noWizard() {
    let state = AppState.opening(AppFixture.demo(), size: AppFixture.size, offeringSetup: true, readOnly: true)
    #expect(state.destination == nil)
  }
}
