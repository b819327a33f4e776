import Testing

@testable import RelayModel

/// Issue 14 fix 12: the quit question offers "write, then quit".
@Suite("Quit question: w writes, then quits")
struct QuitWriteTests {
  @Test("q → w writes the pending plan; a successful write quits, a failed one stays")
  func writeThenQuit() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.end, .character("x"), .character("q"))
    #expect(store.state.keyHints.contains(KeyHint("w", "write & quit")))
    let plan = store.state.workspace.plan
    let effects = AppReducer.reduce(into: &store.state, action: .keyPressed(.character("w")))
    #expect(effects == [.write(plan)])
    #expect(store.state.destination == .writing(plan))
    let receipt = FileStore.Receipt(path: plan.files[0].path, backupPath: nil, created: true, notes: [])
    #expect(AppReducer.reduce(into: &store.state, action: .writeFinished(.success([receipt]))) == [.quit])
    #expect(!store.state.hasUnsavedChanges)

    var failing = AppTestStore(AppFixture.demoState())
    failing.press(.end, .character("x"), .character("q"), .character("w"))
    let error = WriteError.fileChangedOnDisk(plan.files[0].path)
    #expect(AppReducer.reduce(into: &failing.state, action: .writeFinished(.failure(error))) == [])
    #expect(failing.state.hasUnsavedChanges)
  }

  @Test("w on the write or delete question does nothing; the bar offers it only on quit")
  func onlyOnQuit() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.end, .character("x"), .character("w"))
    #expect(!store.state.keyHints.contains(KeyHint("w", "write & quit")))
    #expect(AppReducer.reduce(into: &store.state, action: .keyPressed(.character("w"))) == [])
  }
}
