import Testing

@testable import RelayModel

/// The wizard as a child of the app, exhaustively (TCA's `TestStore`): how it opens, how
/// its end comes back as the delegate action, and what the app does then.
@Suite("Wizard inside the app: offer, delegate, reload")
struct WizardInAppTests {
  static let size = Size(rows: 24, columns: 80)

  @Test("first start without a relay: the offer is open over the screens; n declines and the screens are back")
  func offerDeclined() {
    let loaded = WizardFixture.loaded()
    var store = AppTestStore(.opening(loaded, size: Self.size, offeringSetup: true))
    #expect(store.state.destination == .wizard(WizardState(loaded: loaded, size: Self.size, offering: true)))
    #expect(store.state.keyHints == [KeyHint("y", "Run the wizard"), KeyHint("n", "Not now")])
    store.send(.character("n")) {
      $0.destination = nil
      $0.setupOutcome = .declined
    }
    store.send(.character("2")) { $0.tab = .relays }
  }

  @Test("y starts the walk; keys reach the wizard, resizes too")
  func offerAccepted() {
    var store = AppTestStore(.opening(WizardFixture.loaded(), size: Self.size, offeringSetup: true))
    store.send(.character("y")) { $0.wizard { $0.step = .folder } }
    store.send(.enter) { $0.wizard { $0.step = .version } }
    store.send(.down) { $0.wizard { $0.versionIndex = 1 } }
    store.send(.control("b")) { $0.wizard { $0.step = .folder } }
    store.send(.resized(Size(rows: 30, columns: 100))) {
      $0.size = Size(rows: 30, columns: 100)
      $0.wizard { $0.size = Size(rows: 30, columns: 100) }
    }
  }

  @Test("written on first start: the delegate asks to reload, and the screens open on the files read again")
  func writtenThenReload() {
    var store = AppTestStore(.opening(WizardFixture.loaded(), size: Self.size, offeringSetup: true))
    let receipts = [FileStore.Receipt(path: "/m.env", backupPath: "/m.env.bak", created: false, notes: [])]
    let outcome = WizardOutcome.written(receipts, nextSteps: ["recreate the container"])
    store.send(.wizard(.delegate(.finished(outcome))), effects: [.reload]) {
      $0.destination = nil
      $0.setupOutcome = outcome
    }
    let reread = WizardFixture.loaded(env: "RELAY_HOST=smtp.example.net\n")
    var expected = AppSnapshot(.opening(reread, size: Self.size))
    expected.setupOutcome = outcome
    store.send(.reloaded(reread)) { $0 = expected }
    #expect(store.state.workspace.loaded == reread)
    #expect(store.state.setupOutcome == outcome)
  }

  @Test("setup: the session ends with the wizard; Esc, y abandons with nothing to write")
  func setupAbandoned() {
    var store = AppTestStore(.setup(WizardFixture.loaded(), size: Self.size))
    #expect(store.state.endsWithSetup)
    store.send(.escape) { $0.wizard { $0.prompt = .abandon } }
    #expect(store.state.keyHints == [KeyHint("y", "Leave, write nothing"), KeyHint("n", "Stay")])
    store.send(.character("n")) {
      $0.wizard {
        $0.prompt = nil
        $0.message = StatusMessage("continuing the setup")
      }
    }
    store.press(.escape)
    store.send(.character("y"), effects: [.quit]) {
      $0.wizard {
        $0.outcome = .abandoned
        $0.prompt = .abandon
      }
      $0.setupOutcome = .abandoned
    }
  }

  @Test("the wizard's write goes out as the app's write effect, and its result comes back to the wizard")
  func writeThroughTheApp() throws {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    state.type("pw")
    state.press(.enter, .enter)
    let plan = try #require(state.planned?.writePlan)
    var store = state.store
    store.send(.character("y"), effects: [.write(plan)]) {
      $0.wizard {
        $0.prompt = nil
        $0.message = StatusMessage("writing…")
      }
    }
    let error = WriteError.fileChangedOnDisk("/m.env")
    store.send(.writeFinished(.failure(error))) {
      $0.wizard { $0.message = StatusMessage("nothing was written: \(error.description)", .error) }
    }
  }

  @Test("setup, all mail through SendGrid, exhaustively: every step's state, the write, the delegate")
  func exhaustiveWalk() throws {
    let loaded = WizardFixture.loaded()
    var store = AppTestStore(.setup(loaded, size: Self.size))
    store.send(.enter) { $0.wizard { $0.step = .version } }
    store.send(.enter) { $0.wizard { $0.step = .goal } }
    store.send(.enter) { $0.wizard { $0.step = .provider } }
    store.send(.enter) {
      $0.wizard {
        $0.step = .credentials
        $0.focus = 1  // the user name is prefilled ('apikey'): the password has the focus
      }
    }
    store.send(.character("p")) {
      $0.wizard {
        $0.groups[0].password.text = "p"
        $0.groups[0].password.isTouched = true
      }
    }
    store.send(.character("w")) { $0.wizard { $0.groups[0].password.text = "pw" } }
    let relay = try #require(store.state.destination.flatMap { if case .wizard(let w) = $0 { w.currentGroup.relay } else { nil } })
    let planned = WizardPlan(intent: .everything(through: relay), version: try DMSVersion.parse("13.3.1"), loaded: loaded)
    store.send(.enter) {
      $0.wizard {
        $0.step = .plan
        $0.planned = planned
      }
    }
    store.send(.enter) { $0.wizard { $0.prompt = .write } }
    let writePlan = try #require(planned.writePlan)
    store.send(.character("y"), effects: [.write(writePlan)]) {
      $0.wizard {
        $0.prompt = nil
        $0.message = StatusMessage("writing…")
      }
    }
    let receipts = [FileStore.Receipt(path: "/m.env", backupPath: "/m.env.bak", created: false, notes: [])]
    let outcome = WizardOutcome.written(receipts, nextSteps: planned.plan?.nextSteps ?? [])
    store.send(.writeFinished(.success(receipts))) {
      $0.wizard {
        $0.outcome = outcome
        $0.message = StatusMessage("wrote 1 file(s)", .success)
        $0.step = .done
      }
    }
    store.send(.enter, effects: [.quit]) { $0.setupOutcome = outcome }
  }
}
