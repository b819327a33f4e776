import Testing

@testable import RelayModel

@Suite("App reducer: live relay checks (T, ^T)")
struct CheckTests {
  /// Two domains through one relay on a closed loopback port, one through another, one direct.
  static func state() -> AppState {
    AppFixture.state(
      AppFixture.loaded(
        [
          RelayMapFile.fileName: "@a.test [127.0.0.1]:9\n@b.test [127.0.0.1]:9\n@c.test [127.0.0.2]:2525\n@d.test \n",
          SaslPasswordFile.fileName: "@a.test alice:s3cret-pass\n",
          AccountsFile.fileName: "user@a.test|{SHA512-CRYPT}$6$x$y\nuser@b.test|{SHA512-CRYPT}$6$x$y\nuser@c.test|{SHA512-CRYPT}$6$x$y\nuser@d.test|{SHA512-CRYPT}$6$x$y\n",
        ], env: "RELAY_HOST=\n"))
  }

  static func failed(_ sender: String) -> CheckResult {
    CheckResult(
      sender: sender, relay: "127.0.0.1:9", verdict: .failed, failedStep: .connect,
      steps: [
        CheckStep(.resolve, ok: true, reply: "127.0.0.1 (an address: no lookup)", milliseconds: 0),
        CheckStep(.connect, ok: false, reply: "connection refused", milliseconds: 1),
      ],
      explanation: "nothing listens on 127.0.0.1 port 9")
  }

  @Test("T on Domains checks the selected domain's route: the effect carries its plan, a box shows progress")
  func checkSelectedDomain() throws {
    var store = AppTestStore(Self.state())
    let request = CheckRequest(
      run: 1, targets: store.state.preview.checkTargets(.senders(["@a.test"]), configuration: store.state.workspace.configuration))
    let target = try #require(request.targets.first)
    #expect(request.targets.count == 1)
    #expect(target.sender == "user@a.test")
    #expect(target.plan?.relay == "127.0.0.1:9")
    #expect(target.plan?.credentials?.user == "alice")
    store.send(.character("T"), effects: [.check(request)]) {
      $0.checkRuns = 1
      $0.destination = .checking(CheckSession(request))
      $0.status = StatusMessage("checking 1 sender(s)… Esc cancels")
    }
    guard case .checking(var session)? = store.state.destination else { return }
    #expect(session.lines.map(\.routeSender) == ["@a.test"])
    #expect(session.lines.map(\.relay) == ["127.0.0.1:9"])
    // Keys other than Esc wait; the check goes on.
    store.send(.character("q"))
    store.send(.checkStepStarted(run: 1, index: 0, .connect)) {
      session.lines[0].progress = .running(.connect)
      $0.destination = .checking(session)
    }
    let result = Self.failed("user@a.test")
    store.send(.checkFinished(run: 1, index: 0, result, at: "14:02:09")) {
      $0.destination = nil
      $0.checks = [CheckRecord(routeSender: "@a.test", nexthop: "[127.0.0.1]:9", result: result, time: "14:02:09")]
      $0.status = StatusMessage("check at 14:02:09: 0 ok, 1 failed — the detail pane shows the steps", .error)
    }
    #expect(store.state.checkRecord(forSender: "@a.test")?.result == result)
    #expect(store.state.checkRecord(forRelay: "[127.0.0.1]:9")?.time == "14:02:09")
    #expect(store.state.checkRecord(forSender: "@b.test") == nil)
  }

  @Test("Esc cancels the run: the effect names it, and its late results are ignored")
  func cancel() {
    var store = AppTestStore(Self.state())
    store.press(.character("T"))
    store.send(.escape, effects: [.cancelCheck(run: 1)]) {
      $0.destination = nil
      $0.status = StatusMessage("check cancelled", .warning)
    }
    store.send(.checkFinished(run: 1, index: 0, Self.failed("user@a.test"), at: "14:02:09"))
    store.send(.checkStepStarted(run: 1, index: 0, .greeting))
  }

  @Test("^T checks one sender per distinct relay and login; results arrive in any order")
  func checkAllRelays() throws {
    var store = AppTestStore(Self.state())
    store.send(.character("4")) { $0.tab = .routing }
    let targets = store.state.preview.checkTargets(.perRelay, configuration: store.state.workspace.configuration)
    // a.test logs in as alice, b.test does not: two logins at 127.0.0.1:9, plus c.test's relay.
    #expect(targets.map(\.sender) == ["user@a.test", "user@b.test", "user@c.test"])
    let request = CheckRequest(run: 1, targets: targets)
    store.send(.control("t"), effects: [.check(request)]) {
      $0.checkRuns = 1
      $0.destination = .checking(CheckSession(request))
      $0.status = StatusMessage("checking 3 sender(s)… Esc cancels")
    }
    var session = CheckSession(request)
    let ok = CheckResult(
      sender: "user@c.test", relay: "127.0.0.2:2525", verdict: .ok, failedStep: nil,
      steps: [CheckStep(.mailFrom, ok: true, reply: "250 2.1.0 Ok", milliseconds: 3)], explanation: "the relay accepts mail from 'user@c.test'")
    store.send(.checkFinished(run: 1, index: 2, ok, at: "09:00:01")) {
      session.lines[2].progress = .finished(ok)
      $0.destination = .checking(session)
      $0.checks = [CheckRecord(routeSender: "@c.test", nexthop: "[127.0.0.2]:2525", result: ok, time: "09:00:01")]
    }
    let a = Self.failed("user@a.test"), b = Self.failed("user@b.test")
    store.send(.checkFinished(run: 1, index: 0, a, at: "09:00:02")) {
      session.lines[0].progress = .finished(a)
      $0.destination = .checking(session)
      $0.checks.append(CheckRecord(routeSender: "@a.test", nexthop: "[127.0.0.1]:9", result: a, time: "09:00:02"))
    }
    store.send(.checkFinished(run: 1, index: 1, b, at: "09:00:03")) {
      $0.destination = nil
      $0.checks.append(CheckRecord(routeSender: "@b.test", nexthop: "[127.0.0.1]:9", result: b, time: "09:00:03"))
      $0.status = StatusMessage("check at 09:00:03: 1 ok, 2 failed — the detail pane shows the steps", .error)
    }
    // A second check of a route replaces its record.
    let second = CheckRequest(
      run: 2, targets: store.state.preview.checkTargets(.senders(["@a.test"]), configuration: store.state.workspace.configuration))
    store.send(.character("T"), effects: [.check(second)]) {
      $0.checkRuns = 2
      $0.destination = .checking(CheckSession(second))
      $0.status = StatusMessage("checking 1 sender(s)… Esc cancels")
    }
    let again = Self.failed("user@a.test")
    store.send(.checkFinished(run: 2, index: 0, again, at: "09:05:00")) {
      $0.destination = nil
      $0.checks.removeAll { $0.routeSender == "@a.test" }
      $0.checks.append(CheckRecord(routeSender: "@a.test", nexthop: "[127.0.0.1]:9", result: again, time: "09:05:00"))
      $0.status = StatusMessage("check at 09:05:00: 0 ok, 1 failed — the detail pane shows the steps", .error)
    }
  }

  @Test("T on a direct domain reports it skipped, and on Relays checks a sender that uses the relay")
  func skippedAndRelays() throws {
    var store = AppTestStore(Self.state())
    store.send(.end) { $0.positions[.domains] = ListPosition(selected: 3, scroll: 0) }
    let direct = store.state.preview.checkTargets(.senders(["@d.test"]), configuration: store.state.workspace.configuration)
    #expect(direct.first?.plan == nil)
    #expect(direct.first?.resultWithoutCheck?.verdict == .skipped)
    store.send(.character("T"), effects: [.check(CheckRequest(run: 1, targets: direct))]) {
      $0.checkRuns = 1
      $0.destination = .checking(CheckSession(CheckRequest(run: 1, targets: direct)))
      $0.status = StatusMessage("checking 1 sender(s)… Esc cancels")
    }
    store.press(.escape)
    store.send(.character("2")) { $0.tab = .relays }
    #expect(store.state.selectedCheckSender == store.state.derived.relays[0].senders.first)
    #expect(store.state.derived.relays[0].nexthop == "[127.0.0.1]:9")
    #expect(store.state.selectedCheckSender == "@a.test")
  }

  @Test("T and ^T are in the table: the key bar shows T on Domains, Relays and Routing, help lists both")
  func bindings() {
    for tab in [Tab.domains, .relays, .routing] {
      #expect(KeyBindings.command(for: .character("T"), in: .browse(tab)) == .checkRoute)
      #expect(KeyBindings.command(for: .control("t"), in: .browse(tab)) == .checkAllRelays)
    }
    #expect(KeyBindings.command(for: .character("T"), in: .browse(.credentials)) == nil)
    #expect(KeyBindings.command(for: .escape, in: .checking) == .cancel)
    var state = Self.state()
    #expect(state.keyHints.contains(KeyHint("T", "check")))
    _ = AppReducer.reduce(into: &state, action: .keyPressed(.character("T")))
    #expect(state.keyHints == [KeyHint("Esc", "cancel check")])
    let preview = KeyBindings.helpSections.first { $0.section == .preview }?.bindings.map(\.keys) ?? []
    #expect(preview.contains("T ^T"))
  }
}
