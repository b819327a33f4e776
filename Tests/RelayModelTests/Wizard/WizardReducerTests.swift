import Testing

@testable import RelayModel

@Suite("Wizard reducer: walking the steps")
struct WizardWalkTests {
  @Test("all mail through SendGrid: every step, then a write effect, then the next steps")
  func allMailThroughSendGrid() throws {
    var state = WizardFixture.state()
    #expect(state.step == .folder)
    #expect(state.stepSequence == [.folder, .version, .goal, .provider, .credentials, .plan, .done])
    state.press(.enter)
    #expect(state.step == .version)
    #expect(state.version.name == "13.3.1")
    state.press(.enter)
    #expect(state.step == .goal)
    #expect(state.goal == .allMail)
    state.press(.enter)
    #expect(state.step == .provider)
    #expect(state.currentGroup.provider.id == "sendgrid")
    #expect(state.currentGroup.port.text == "587")
    state.press(.enter)
    #expect(state.step == .credentials)
    #expect(state.currentGroup.user.text == "apikey")
    #expect(state.focusedField == .password)
    state.type("SG.secret")
    #expect(state.press(.enter) == [])
    #expect(state.step == .plan)
    let planned = try #require(state.planned)
    #expect(planned.error == nil)
    #expect(planned.plan?.isExact == true)
    #expect(state.press(.enter) == [])
    #expect(state.prompt == .write)
    let writePlan = try #require(planned.writePlan)
    #expect(writePlan.files.map(\.path) == ["/cfg/postfix-sasl-password.cf", "/m.env"])
    #expect(state.press(.character("y")) == [.write(writePlan)])
    #expect(state.prompt == nil)

    let receipts = [FileStore.Receipt(path: "/m.env", backupPath: "/m.env.bak", created: false, notes: [])]
    #expect(state.send(.writeFinished(.success(receipts))) == [])
    #expect(state.step == .done)
    let nextSteps = try #require(planned.plan?.nextSteps)
    #expect(nextSteps.first?.contains("recreate the container") == true)
    #expect(state.press(.enter) == [.quit])
    #expect(state.setupOutcome == .written(receipts, nextSteps: nextSteps))
  }

  @Test("Back (Ctrl-B) walks from the plan to the folder, keeping the answers")
  func backThroughEverything() {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .someDomains)
    state.type("pw")
    state.press(.enter)
    #expect(state.step == .domains)
    state.press(.character(" "), .enter)
    #expect(state.step == .plan)
    var seen: [WizardStep] = []
    for _ in 0..<6 {
      state.press(.control("b"))
      seen.append(state.step)
    }
    #expect(seen == [.domains, .credentials, .provider, .goal, .version, .folder])
    #expect(state.goal == .someDomains)
    #expect(state.groups[0].password.text == "pw")
    #expect(state.groups[0].domains == ["a.test"])
    state.press(.control("b"))
    #expect(state.step == .folder)
  }

  @Test("Backspace goes back on list steps but edits a focused field")
  func backspace() {
    var state = WizardFixture.state()
    state.press(.enter, .enter)
    state.press(.backspace)
    #expect(state.step == .version)
    state.press(.enter, .enter, .enter)
    #expect(state.step == .credentials)
    state.type("ab")
    state.press(.backspace)
    #expect(state.step == .credentials)
    #expect(state.currentGroup.password.text == "a")
  }

  @Test("offered on first start: y starts, n declines")
  func offer() {
    var state = WizardFixture.state(offering: true)
    #expect(state.step == .offer)
    #expect(state.press(.character("n")) == [])
    #expect(state.setupOutcome == .declined)
    #expect(state.app.destination == nil)
    state = WizardFixture.state(offering: true)
    #expect(state.press(.character("y")) == [])
    #expect(state.step == .folder)
  }

  @Test("without a detected version the newest family is preselected")
  func noVersion() {
    let state = WizardFixture.state(version: nil)
    #expect(state.version.name == "15.1.0")
    #expect(state.versionChoices.map(\.name) == ["11.3.1", "13.3.1", "14.0.0", "15.1.0", "edge", "latest"])
  }
}

@Suite("Wizard reducer: leaving")
struct WizardAbandonTests {
  @Test("Esc asks first; n stays, y leaves with no write effect", arguments: 0..<5)
  func escape(stepsIn: Int) {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    state.type("pw")
    state.press(.enter)
    for _ in 0..<(5 - stepsIn) { state.press(.control("b")) }
    let step = state.step
    #expect(state.press(.escape) == [])
    #expect(state.prompt == .abandon)
    #expect(state.press(.character("n")) == [])
    #expect(state.prompt == nil)
    #expect(state.step == step)
    state.press(.escape)
    let effects = state.press(.character("y"))
    #expect(effects == [.quit])
    #expect(state.setupOutcome == .abandoned)
    #expect(!effects.contains { if case .write = $0 { return true } else { return false } })
  }

  @Test("n at the write prompt writes nothing and stays on the plan")
  func declineWrite() {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    state.type("pw")
    state.press(.enter, .enter)
    #expect(state.prompt == .write)
    #expect(state.press(.character("n")) == [])
    #expect(state.step == .plan)
    #expect(state.message?.text == "nothing written")
  }

  @Test("a failed write stays on the plan with the reason")
  func writeFails() {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    state.type("pw")
    state.press(.enter, .enter, .character("y"))
    let error = WriteError.fileChangedOnDisk("/m.env")
    state.send(.writeFinished(.failure(error)))
    #expect(state.step == .plan)
    #expect(state.message == StatusMessage("nothing was written: \(error.description)", .error))
  }
}

@Suite("Wizard reducer: validation")
struct WizardValidationTests {
  @Test("an empty password blocks Next, with the reason next to the field")
  func emptyPassword() {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    #expect(state.problem(.password) == nil)
    state.press(.enter)
    #expect(state.step == .credentials)
    #expect(state.problem(.password) == "enter the password: an API key with 'Mail Send' permission")
    #expect(state.message?.kind == .error)
    #expect(state.keyHints.contains(KeyHint("Enter", "Next (disabled)")))
  }

  @Test("a user name with ':' is refused as typed")
  func colonInUser() {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    state.press(.backTab)
    state.type("a:b")
    #expect(state.problem(.user)?.contains("must not contain ':'") == true)
    state.press(.tab)
    state.type("pw")
    state.press(.enter)
    #expect(state.step == .credentials)
  }

  @Test("port 465 is refused with a clear warning")
  func implicitTLS() {
    var state = WizardFixture.state()
    state.press(.enter, .enter, .enter)
    state.press(.tab)
    #expect(state.focusedField == .port)
    state.type("465")
    #expect(state.problem(.port)?.hasPrefix("465 is implicit TLS, which DMS never configures") == true)
    state.press(.enter)
    #expect(state.step == .provider)
    state.press(.backspace, .backspace, .backspace)
    state.type("2525")
    state.press(.enter)
    #expect(state.step == .credentials)
  }

  @Test("Amazon SES needs a region; custom needs a host")
  func regionAndHost() throws {
    var state = WizardFixture.state()
    state.press(.enter, .enter, .enter)
    let ses = try #require(Provider.all.firstIndex { $0.id == "ses" })
    for _ in 0..<ses { state.press(.down) }
    #expect(state.fields == [.region, .port])
    state.press(.enter)
    #expect(state.step == .provider)
    #expect(state.problem(.region) == "provider 'ses' needs a region (e.g. 'us-east-1')")
    state.press(.tab)
    state.type("eu-central-1")
    state.press(.enter)
    #expect(state.step == .credentials)
    #expect(state.currentGroup.user.text.isEmpty)
    #expect(state.focusedField == .user)

    state.press(.control("b"), .end)
    #expect(state.currentGroup.provider.id == "custom")
    #expect(state.fields == [.host, .port])
    state.press(.enter)
    #expect(state.problem(.host) == "enter the relay's host name")
    state.press(.tab)
    state.type("smtp.example.net")
    state.press(.enter)
    #expect(state.step == .credentials)
    state.press(.enter)  // custom relays may admit by IP: no credentials is fine
    #expect(state.step == .plan)
  }

  @Test("the user name follows the provider until typed over")
  func usernameSuggestion() {
    var state = WizardFixture.state()
    state.press(.enter, .enter, .enter)
    #expect(state.currentGroup.user.text == "apikey")
    state.press(.down)
    #expect(state.currentGroup.user.text == "")
    state.press(.end, .up, .up)
    #expect(state.currentGroup.provider.id == "resend")
    #expect(state.currentGroup.user.text == "resend")
    state.press(.enter)
    state.press(.backTab)
    state.type("x")
    #expect(state.currentGroup.user.text == "x")
  }

  @Test("the domains step needs at least one domain")
  func noDomain() {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .someDomains)
    state.type("pw")
    state.press(.enter, .enter)
    #expect(state.step == .domains)
    #expect(state.message?.text == "pick at least one domain (Space)")
    state.press(.down, .character(" "), .enter)
    #expect(state.step == .plan)
    #expect(state.intent == .only(["b.test"], through: state.groups[0].relay!))
  }

  @Test("no config folder: Next is disabled")
  func noFolder() {
    var loaded = WizardFixture.loaded()
    loaded.configDirectory = nil
    var state = WizardStore(loaded: loaded, size: Size(rows: 24, columns: 80))
    state.press(.enter)
    #expect(state.step == .folder)
    #expect(state.message?.text.hasPrefix("no config folder found") == true)
  }

  @Test("the password is in no line of the plan report")
  func passwordRedacted() throws {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .allMail)
    state.type("VerySecret42")
    state.press(.enter)
    let lines = try #require(state.planned?.lines)
    #expect(!lines.contains { $0.text.contains("VerySecret42") })
    #expect(lines.contains { $0.text.contains("<redacted>") })
  }
}

@Suite("Wizard reducer: goals and versions")
struct WizardPlanTests {
  func planSomeDomains(versionIndex: Int) throws -> RelayPlan {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .someDomains, version: versionIndex)
    state.type("pw")
    state.press(.enter, .character(" "), .enter)
    #expect(state.step == .plan)
    return try #require(state.planned?.plan)
  }

  @Test("the same goal gives different plans on 13.3.1 and 15.1.0")
  func versionsDiffer() throws {
    let old = try planSomeDomains(versionIndex: 0)
    let new = try planSomeDomains(versionIndex: 3)
    #expect(old.version.name == "13.3.1")
    #expect(new.version.name == "15.1.0")
    #expect(old.isExact && new.isExact)
    #expect(old.changesEnvironment)
    #expect(!new.changesEnvironment)
    #expect(old.steps.map(\.summary) != new.steps.map(\.summary))
    #expect(old.steps.contains { $0.summary.contains("RELAY_HOST") })
    #expect(!new.steps.contains { $0.summary.contains("RELAY_HOST") })
  }

  @Test("different relays per domain: provider and credentials per relay; earlier domains not offered again")
  func perDomain() throws {
    var state = WizardFixture.state()
    state.walkToCredentials(goal: .perDomain)
    state.type("pw1")
    state.press(.enter)
    #expect(state.domainChoices == ["a.test", "b.test", "c.test"])
    state.press(.character(" "), .enter)
    #expect(state.step == .moreRelays)
    #expect(state.unassignedDomains == ["b.test", "c.test"])
    state.press(.enter)  // add another relay
    #expect(state.step == .provider)
    #expect(state.group == 1)
    state.press(.down, .down, .enter)  // Mailgun (EU)
    #expect(state.step == .credentials)
    state.type("postmaster@mg.b.test")
    state.press(.tab)
    state.type("pw2")
    state.press(.enter)
    #expect(state.domainChoices == ["b.test", "c.test"])
    state.press(.character(" "), .enter)
    #expect(state.step == .moreRelays)
    state.press(.down, .enter)
    #expect(state.step == .plan)
    let intent = try #require(state.intent)
    #expect(intent.destination(for: "a.test").relay?.host == "smtp.sendgrid.net")
    #expect(intent.destination(for: "b.test").relay?.host == "smtp.eu.mailgun.org")
    #expect(intent.destination(for: "c.test") == .direct)
    #expect(state.planned?.plan?.isExact == true)
    #expect(state.stepNumber == 7)

    state.press(.control("b"))
    #expect(state.step == .moreRelays)
    state.press(.up, .enter, .control("b"))
    #expect(state.step == .moreRelays)
    #expect(state.groups.count == 2)
  }

  @Test("plan step scrolls within the report", arguments: [Size(rows: 24, columns: 80), Size(rows: 16, columns: 60)])
  func scroll(size: Size) throws {
    var state = WizardStore(loaded: WizardFixture.loaded(), size: size)
    state.walkToCredentials(goal: .allMail)
    state.type("pw")
    state.press(.enter)
    let rows = try #require(state.planned?.rows(width: state.bodyWidth))
    state.press(.up)
    #expect(state.planScroll == 0)
    for _ in 0..<200 { state.press(.down) }
    #expect(state.planScroll == max(rows.count - state.bodyHeight, 0))
  }

  @Test("nothing to change: Enter finishes without writing")
  func unchanged() {
    let env = "RELAY_HOST=smtp.sendgrid.net\nRELAY_PORT=587\nDEFAULT_RELAY_HOST=[smtp.sendgrid.net]:587\n"
    var loaded = WizardFixture.loaded(env: env)
    let sasl = "[smtp.sendgrid.net]:587 apikey:pw\n"
    loaded.configuration.saslPasswords = SaslPasswordFile(bytes: Array(sasl.utf8))
    loaded.originals["/cfg/postfix-sasl-password.cf"] = Array(sasl.utf8)
    var state = WizardStore(loaded: loaded, size: Size(rows: 24, columns: 80))
    state.walkToCredentials(goal: .allMail)
    state.type("pw")
    state.press(.enter)
    #expect(state.planned?.changesNothing == true)
    #expect(state.press(.enter) == [])
    #expect(state.step == .done)
    #expect(state.press(.enter) == [.quit])
    #expect(state.setupOutcome == .unchanged)
  }
}
