import Testing

@testable import RelayModel

@Suite("App reducer: screen 6 Observed (the mail log)")
struct ObservedTests {
  @Test("opening screen 6 reads the log once; the result fills the rows")
  func readOnFirstVisit() throws {
    var store = AppTestStore(AppFixture.demoState())
    store.send(.character("6"), effects: [.readMailLog]) {
      $0.tab = .observed
      $0.observed.isReading = true
    }
    // Leaving and coming back does not read again while the read is under way.
    store.send(.character("1")) { $0.tab = .domains }
    store.send(.character("6")) { $0.tab = .observed }
    let log = ObservedFixture.demoLog()
    #expect(log.summaries.map(\.domain) == ["example.com", "example.com.au", "newsletter.example.org", "shop.example.net"])
    store.send(.mailLogRead(.success(log))) {
      $0.observed.isReading = false
      $0.observed.log = log
      $0.status = StatusMessage(
        "read 7 message(s) from /demo/docker-data/dms/mail-logs/mail.log: 1 domain(s) not routed as the files say",
        .warning)
    }
    #expect(store.state.visibleRows(.observed).count == 4)
    store.send(.down) { $0.positions[.observed] = ListPosition(selected: 1, scroll: 0) }
    // After a read, a visit does not read again.
    store.send(.character("4")) { $0.tab = .routing }
    store.send(.character("6")) { $0.tab = .observed }
    // The Routing screen's view of it: example.com's mail went direct although the files say deferred.
    let example = try #require(store.state.observedSummary(forSender: "@example.com"))
    #expect(example.agrees == false)
    #expect(example.explanation?.hasPrefix("3 messages from example.com went direct since 08:04 although") == true)
    #expect(store.state.observedSummary(forSender: "@shop.example.net")?.agrees == true)
    #expect(store.state.observedSummary(forSender: "admin@example.com") == nil)
  }

  @Test("no log: the screen keeps where it looked; f says there is nothing to follow")
  func missing() {
    var store = AppTestStore(AppFixture.demoState())
    store.send(.character("6"), effects: [.readMailLog]) {
      $0.tab = .observed
      $0.observed.isReading = true
    }
    store.send(.mailLogRead(.failure(.missing(searched: "/demo/docker-data/dms/mail-logs/mail.log")))) {
      $0.observed.isReading = false
      $0.observed.problem = .missing(searched: "/demo/docker-data/dms/mail-logs/mail.log")
    }
    store.send(.character("f")) {
      $0.status = StatusMessage(
        "no mail log to follow at '/demo/docker-data/dms/mail-logs/mail.log': start with --mail-log FILE", .warning)
    }
    store.send(.enter)
    store.send(.mailLogRead(.failure(.unreadable("cannot open '/x/mail.log': Permission denied")))) {
      $0.observed.problem = .unreadable("cannot open '/x/mail.log': Permission denied")
      $0.status = StatusMessage("cannot open '/x/mail.log': Permission denied", .error)
    }
  }

  @Test("f follows, f again stops; leaving the screen stops following; updates replace the log quietly")
  func follow() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("6"))
    let log = ObservedFixture.demoLog()
    store.send(.mailLogRead(.success(log))) {
      $0.observed.isReading = false
      $0.observed.log = log
      $0.status = StatusMessage(
        "read 7 message(s) from /demo/docker-data/dms/mail-logs/mail.log: 1 domain(s) not routed as the files say",
        .warning)
    }
    store.send(.character("f"), effects: [.followMailLog]) {
      $0.observed.isFollowing = true
      $0.status = StatusMessage("following the mail log: new messages show as they are logged (f stops)")
    }
    #expect(store.state.keyHints.contains(KeyHint("f", "stop following")))
    var grown = log
    grown.messageCount += 1
    store.send(.mailLogRead(.success(grown))) { $0.observed.log = grown }
    store.send(.character("f"), effects: [.stopFollowingMailLog]) {
      $0.observed.isFollowing = false
      $0.status = StatusMessage("stopped following the mail log")
    }
    #expect(store.state.keyHints.contains(KeyHint("f", "follow")))
    store.send(.character("f"), effects: [.followMailLog]) {
      $0.observed.isFollowing = true
      $0.status = StatusMessage("following the mail log: new messages show as they are logged (f stops)")
    }
    store.send(.character("2"), effects: [.stopFollowingMailLog]) {
      $0.tab = .relays
      $0.observed.isFollowing = false
      $0.status = StatusMessage("stopped following the mail log")
    }
  }

  @Test("Enter lists the selected domain's messages; arrows scroll; any other key closes")
  func messages() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("6"))
    let log = ObservedFixture.demoLog()
    _ = AppReducer.reduce(into: &store.state, action: .mailLogRead(.success(log)))
    #expect(
      log.messages(forDomain: "example.com").map(\.triple) == [
        "admin@example.com gmail-smtp-in.l.google.com:25 sent", "sales@example.com outlook-com.olc.protection.outlook.com:25 sent",
        "admin@example.com mx.partner.example:25 sent", "sales@example.com - deferred",
      ])
    store.send(.enter) { $0.destination = .messages(domain: "example.com", scroll: 0) }
    store.send(.down) { $0.destination = .messages(domain: "example.com", scroll: 1) }
    store.send(.end) { $0.destination = .messages(domain: "example.com", scroll: 3) }
    store.send(.down)
    store.send(.character("e")) { $0.destination = nil }
    // e does not edit here, and Enter is not edit on screen 6.
    #expect(KeyBindings.command(for: .enter, in: .browse(.observed)) == .showMessages)
    #expect(KeyBindings.command(for: .enter, in: .browse(.domains)) == .edit)
    #expect(KeyBindings.command(for: .character("e"), in: .browse(.observed)) == nil)
  }

  @Test("the filter applies to screen 6's domains")
  func filter() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("6"))
    _ = AppReducer.reduce(into: &store.state, action: .mailLogRead(.success(ObservedFixture.demoLog())))
    store.press(.character("/"))
    store.type("shop")
    store.press(.enter)
    #expect(store.state.visibleRows(.observed).count == 1)
    #expect(store.state.selectedIndex(.observed) == 3)
  }
}

@Suite("App reducer: screen 6 follows what it is compared with")
struct ObservedRefreshTests {
  @Test("v and a successful write read the log again (following: follow again); before any read, nothing")
  func refresh() {
    var store = AppTestStore(AppFixture.demoState())
    let second = store.state.versions.next(after: store.state.version)
    store.send(.character("v")) {
      $0.version = second
      $0.status = StatusMessage("previewing DMS \($0.version.name) (\($0.version.family.rawValue))")
    }
    store.press(.character("6"))
    let log = ObservedFixture.demoLog()
    _ = AppReducer.reduce(into: &store.state, action: .mailLogRead(.success(log)))
    let third = store.state.versions.next(after: second)
    store.send(.character("v"), effects: [.readMailLog]) {
      $0.version = third
      $0.status = StatusMessage("previewing DMS \($0.version.name) (\($0.version.family.rawValue))")
    }
    // The new read replaces the rows without a status of its own.
    store.send(.mailLogRead(.success(log)))
    store.press(.character("f"))
    store.send(.writeFinished(.success([])), effects: [.followMailLog]) {
      $0.writeResult = .written([])
      $0.status = StatusMessage("wrote 0 file(s): ", .success)
    }
  }
}
