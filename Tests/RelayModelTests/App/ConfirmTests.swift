import Testing

@testable import RelayModel

@Suite("App reducer: confirm, write, undo, delete, opt-out, quit")
struct ConfirmTests {
  /// The demo with one pending edit (opting brand.example.io out).
  func edited() -> AppTestStore {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.end, .character("x"))
    return store
  }

  @Test("w with nothing pending says so")
  func nothingToWrite() {
    var store = AppTestStore(AppFixture.demoState())
    store.send(.character("w")) { $0.status = StatusMessage("nothing to write: no pending changes") }
  }

  @Test("w lists the files; n cancels; y emits the write effect")
  func writeFlow() {
    var store = edited()
    let plan = store.state.workspace.plan
    store.send(.character("w")) { $0.destination = .confirm(.write(plan)) }
    guard case .confirm(let confirmation)? = store.state.destination else { return }
    #expect(confirmation.lines == [
      "/demo/docker-data/dms/config/postfix-relaymap.cf  (+1 −0)",
      "Each changed file's previous version is kept as NAME.bak.",
    ])
    store.send(.character("n")) {
      $0.destination = nil
      $0.status = StatusMessage("write cancelled: nothing was written")
    }
    store.press(.character("w"))
    store.send(.character("y"), effects: [.write(plan)]) {
      $0.destination = .writing(plan)
      $0.status = StatusMessage("writing 1 file(s)…")
    }
    store.send(.character("q")) { $0.status = StatusMessage("writing… please wait") }
  }

  @Test("a finished write makes the written bytes the new originals")
  func writeSucceeded() {
    var store = edited()
    let plan = store.state.workspace.plan
    store.press(.character("w"), .character("y"))
    let receipt = FileStore.Receipt(
      path: plan.files[0].path, backupPath: plan.files[0].path + ".bak", created: false, notes: [])
    store.send(.writeFinished(.success([receipt]))) {
      $0.edits = []
      $0.writeResult = .written([receipt])
      $0.status = StatusMessage("wrote 1 file(s): \(receipt.summary)", .success)
      $0.destination = nil
    }
    #expect(!store.state.hasUnsavedChanges)
    #expect(store.state.workspace.loaded.originals[plan.files[0].path] == plan.files[0].newBytes)
    #expect(store.state.derived.domains[5].isOptOut)
    // No notice to dismiss: the next key does what it says (issue 14 fix 12).
    store.send(.character("2")) { $0.tab = .relays }
  }

  @Test("a failed write keeps the pending changes and says why")
  func writeFailed() {
    var store = edited()
    let plan = store.state.workspace.plan
    store.press(.character("w"), .character("y"))
    let error = WriteError.fileChangedOnDisk(plan.files[0].path)
    store.send(.writeFinished(.failure(error))) {
      $0.writeResult = .failed(error)
      $0.status = StatusMessage(error.description, .error)
      $0.destination = .notice(
        Notice(
          title: "Nothing was written",
          lines: [error.description, "", "Your pending changes are kept: fix the cause and press w again."],
          isError: true))
    }
    #expect(store.state.hasUnsavedChanges)
  }

  @Test("u undoes the newest pending edit")
  func undo() {
    var store = edited()
    #expect(store.state.derived.domains[5].isOptOut)
    store.send(.character("u")) {
      $0.edits = []
      $0.status = StatusMessage("undid: opt '@brand.example.io' out of RELAY_HOST (^R redoes)")
    }
    #expect(!store.state.derived.domains[5].isOptOut)
    store.send(.character("u")) { $0.status = StatusMessage("nothing to undo") }
  }

  @Test("one env dialog is one undo step; ^R redoes it; a new edit clears redo (issue 14 fix 12)")
  func undoStepsAndRedo() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("E"), .tab, .tab)
    store.type("apikey")
    store.press(.tab)
    store.type("pw")
    store.press(.enter)
    #expect(store.state.workspace.edits.count == 2)
    store.press(.character("u"))
    #expect(store.state.workspace.edits.isEmpty)
    #expect(store.state.status?.text == "undid: set RELAY_USER='apikey'; set RELAY_PASSWORD (^R redoes)")
    store.press(.control("r"))
    #expect(
      store.state.workspace.edits == [
        .setEnv(key: "RELAY_USER", value: "apikey"), .setEnv(key: "RELAY_PASSWORD", value: "pw"),
      ])
    store.press(.control("r"))
    #expect(store.state.status?.text == "nothing to redo")
    store.press(.character("u"), .character("1"), .end, .character("x"))
    #expect(store.state.redoSteps.isEmpty)
    store.press(.control("r"))
    #expect(store.state.status?.text == "nothing to redo")
  }

  @Test("x opts out and back in; an opt-out spelled in another case is refused with the reason")
  func optOut() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.end)
    store.send(.character("x")) {
      $0.edits = [.excludeDomain(domain: "brand.example.io")]
      $0.status = StatusMessage("pending: opt '@brand.example.io' out of RELAY_HOST — w writes, u undoes", .success)
    }
    #expect(store.state.derived.domains[5].isOptOut)
    store.send(.character("x")) {
      $0.edits = []
      $0.status = StatusMessage(
        "remove the opt-out for '@brand.example.io': the files are back as read; nothing is pending", .success)
    }
    #expect(!store.state.hasUnsavedChanges)
    store.press(.up, .up)
    #expect(store.state.selectedDomain?.name == "internal.example.com")
    store.press(.character("x"))
    #expect(store.state.status?.kind == .error)
    #expect(store.state.status?.text.hasPrefix("postfix-relaymap.cf:7: the file has '@INTERNAL.EXAMPLE.COM'") == true)
    #expect(store.state.workspace.edits.isEmpty)
  }

  @Test("d asks before removing the relay map line; y makes it pending")
  func delete() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.down)
    store.send(.character("d")) {
      $0.destination = .confirm(
        .delete([.delDomain(domain: "shop.example.net")], title: "Remove postfix-relaymap.cf line 2?"))
    }
    store.send(.character("y")) {
      $0.destination = nil
      $0.edits = [.delDomain(domain: "shop.example.net")]
      $0.status = StatusMessage(
        "pending: remove the relay map entry for '@shop.example.net' (postfix-relaymap.cf:2: removed this line) — w writes, u undoes",
        .success)
    }
    store.send(.character("d")) {
      $0.status = StatusMessage(
        "'@shop.example.net' has no relay map line to remove (it comes from accounts, aliases); x opts it out")
    }
  }

  @Test("q quits at once when everything is saved, and asks when changes are pending")
  func quit() {
    var saved = AppTestStore(AppFixture.demoState())
    saved.send(.character("q"), effects: [.quit])

    var store = edited()
    store.send(.character("q")) { $0.destination = .confirm(.quit($0.edits)) }
    store.send(.escape) {
      $0.destination = nil
      $0.status = StatusMessage("not quitting")
    }
    store.press(.character("q"))
    store.send(.character("y"), effects: [.quit])
  }
}
