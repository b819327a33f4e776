import Testing

@testable import RelayModel
@testable import RelayTUI

/// The wizard drawn into a `Grid` at 80×24 (and below the minimum size).
@Suite("Wizard screens")
struct WizardScreenTests {
  static func loaded() -> LoadedConfiguration {
    let accounts = "u@a.test|{SHA512-CRYPT}x\nu@b.test|{SHA512-CRYPT}x\n"
    let env = "ONE=1\n"
    let configuration = Configuration(
      accounts: AccountsFile(bytes: Array(accounts.utf8)),
      environment: EnvFile(bytes: Array(env.utf8)).environment(path: "/demo/mailserver.env"))
    return LoadedConfiguration(
      configuration: configuration, configDirectory: "/demo/config", envFiles: ["/demo/mailserver.env"],
      version: try! DMSVersion.parse("13.3.1"), versionSource: .commandLine,
      originals: ["/demo/mailserver.env": Array(env.utf8)])
  }

  /// The app with the wizard open, as `setup` (or the first start's offer) runs it.
  static func state(_ size: Size = Size(rows: 24, columns: 80), offering: Bool = false) -> AppState {
    offering ? .opening(loaded(), size: size, offeringSetup: true) : .setup(loaded(), size: size)
  }

  /// Drawn as the runner draws it: the app's screen, which is the wizard's while it is open.
  static func draw(_ state: AppState) -> Grid {
    var grid = Grid(size: state.size)
    AppScreen.render(state, into: &grid)
    return grid
  }

  static func press(_ state: inout AppState, _ keys: Key...) {
    for key in keys { _ = AppReducer.reduce(into: &state, action: .keyPressed(key)) }
  }

  static func type(_ state: inout AppState, _ text: String) {
    for character in text { _ = AppReducer.reduce(into: &state, action: .keyPressed(.character(character))) }
  }

  @Test("the offer on first start")
  func offer() {
    let grid = Self.draw(Self.state(offering: true))
    #expect(grid.text.contains("No relay is configured. Run the setup wizard? (y/n)"))
    #expect(grid.line(23).contains("y  Run the wizard"))
  }

  @Test("step 1: the folder, the environment, the version and the domains")
  func folder() {
    let grid = Self.draw(Self.state())
    #expect(grid.line(0).hasPrefix(" dms-relay setup │ /demo/config"))
    #expect(grid.line(0).hasSuffix("DMS 13.3.1 (v12-13)"))
    #expect(grid.line(1) == " Step 1 of 7 · Config folder and environment")
    #expect(grid.text.contains("Config folder  /demo/config"))
    #expect(grid.text.contains("Environment    /demo/mailserver.env"))
    #expect(grid.text.contains("DMS version    13.3.1 (--dms-version)"))
    #expect(grid.text.contains("Sender domains 2: a.test, b.test"))
    #expect(grid.line(23) == " Enter  Next  Esc  Leave")
  }

  @Test("versions, then goals, as radio lists")
  func versionAndGoal() {
    var state = Self.state()
    Self.press(&state, .enter)
    var grid = Self.draw(state)
    #expect(grid.text.contains("▸ (•) 13.3.1  (detected: --dms-version)"))
    #expect(grid.text.contains("   ( ) 15.1.0"))
    #expect(grid.text.contains("the relay map and credentials count only while RELAY_HOST"))
    Self.press(&state, .enter, .down)
    grid = Self.draw(state)
    #expect(grid.text.contains("▸ (•) Only some sender domains through a relay (the others go direct)"))
    #expect(grid.line(1) == " Step 3 of 8 · What should happen to outgoing mail?")  // a domains step now
  }

  @Test("provider: presets with username convention and STARTTLS port; 465 warned")
  func provider() {
    var state = Self.state()
    Self.press(&state, .enter, .enter, .enter)
    var grid = Self.draw(state)
    #expect(grid.line(1) == " Step 4 of 7 · Relay provider")
    #expect(grid.text.contains("▸ SendGrid"))
    #expect(grid.text.contains("Mailgun (EU)"))
    #expect(grid.text.contains("Host: smtp.sendgrid.net"))
    #expect(grid.text.contains("Port: 587 (STARTTLS)"))
    #expect(grid.text.contains("User: the user name is 'apikey'"))
    #expect(grid.text.contains("Port       587"))
    Self.press(&state, .tab)
    Self.type(&state, "465")
    grid = Self.draw(state)
    #expect(grid.text.contains("465 is implicit TLS"))
    #expect(grid.find("465 is implicit TLS").map { grid.style(at: $0) } == .error)
    #expect(grid.line(23).contains("Next (disabled)"))
  }

  @Test("credentials: the user prefilled, the password masked until Ctrl-R")
  func credentials() {
    var state = Self.state()
    Self.press(&state, .enter, .enter, .enter, .enter)
    Self.type(&state, "hunter2")
    var grid = Self.draw(state)
    #expect(grid.line(1) == " Step 5 of 7 · Credentials")
    #expect(grid.text.contains("User name  apikey"))
    #expect(grid.text.contains("Password   •••••••▏"))
    #expect(!grid.text.contains("hunter2"))
    #expect(grid.line(23).contains("^R  Show password"))
    Self.press(&state, .control("r"))
    grid = Self.draw(state)
    #expect(grid.text.contains("Password   hunter2▏"))
  }

  @Test("domains: a checklist of the known domains")
  func domains() {
    var state = Self.state()
    Self.press(&state, .enter, .enter, .down, .enter, .enter)
    Self.type(&state, "pw")
    Self.press(&state, .enter, .character(" "), .down)
    let grid = Self.draw(state)
    #expect(grid.line(1) == " Step 6 of 8 · Sender domains")
    #expect(grid.text.contains("  [x] a.test"))
    #expect(grid.text.contains("▸ [ ] b.test"))
  }

  @Test("the plan: routing table, changes and the write prompt; no password")
  func plan() {
    var state = Self.state()
    Self.press(&state, .enter, .enter, .enter, .enter)
    Self.type(&state, "hunter2")
    Self.press(&state, .enter)
    var grid = Self.draw(state)
    #expect(grid.line(1) == " Step 6 of 7 · The plan")
    #expect(grid.text.contains("DMS 13.3.1 (v12-13): all mail via [smtp.sendgrid.net]:587 as 'apikey'"))
    #expect(grid.text.contains("a.test           relayed via [smtp.sendgrid.net]:587 as apikey  ok"))
    #expect(grid.text.contains("(other domains)  relayed via [smtp.sendgrid.net]:587 as apikey  ok"))
    #expect(grid.text.contains("[/demo/mailserver.env] set RELAY_HOST='smtp.sendgrid.net'"))
    #expect(grid.line(23).hasPrefix(" Enter  Write…"))
    for _ in 0..<60 { Self.press(&state, .down) }
    grid = Self.draw(state)
    #expect(grid.text.contains("+[smtp.sendgrid.net]:587 apikey:<redacted>"))
    #expect(!grid.text.contains("hunter2"))
    Self.press(&state, .enter)
    grid = Self.draw(state)
    #expect(grid.text.contains("Write 2 file(s)?"))
    #expect(grid.text.contains("create /demo/config/postfix-sasl-password.cf"))
    #expect(grid.text.contains("change /demo/mailserver.env"))
    // The same prompt box as the UI's confirmations.
    #expect(grid.text.contains("│  y  write   n  not now"))
  }

  @Test("done: what was written and what to do next")
  func done() {
    var state = Self.state()
    Self.press(&state, .enter, .enter, .enter, .enter)
    Self.type(&state, "pw")
    Self.press(&state, .enter, .enter, .character("y"))
    let receipts = [FileStore.Receipt(path: "/demo/mailserver.env", backupPath: "/demo/mailserver.env.bak", created: false, notes: [])]
    _ = AppReducer.reduce(into: &state, action: .writeFinished(.success(receipts)))
    let grid = Self.draw(state)
    #expect(grid.line(1) == " Step 7 of 7 · Done")
    #expect(grid.text.contains("wrote /demo/mailserver.env (previous version: /demo/mailserver.env.bak)"))
    #expect(grid.text.contains("What to do next:"))
    #expect(grid.text.contains("recreate the container"))
    #expect(grid.line(22) == " wrote 1 file(s)")
  }

  @Test("Esc shows the leave prompt over the step")
  func leavePrompt() {
    var state = Self.state()
    Self.press(&state, .enter, .escape)
    let grid = Self.draw(state)
    #expect(grid.text.contains("Leave the setup?"))
    #expect(grid.text.contains("Nothing will be written."))
    #expect(grid.line(23) == " y  Leave, write nothing  n  Stay")
    #expect(grid.text.contains("│  y  leave   n  stay"))
  }

  @Test("below 60×16: the too-small notice", arguments: [Size(rows: 10, columns: 40), Size(rows: 15, columns: 80)])
  func tooSmall(size: Size) {
    let grid = Self.draw(Self.state(size))
    #expect(grid.text.contains("Terminal too small"))
    #expect(grid.text.contains("needs 60×16, this is \(size.columns)×\(size.rows)"))
  }

  @Test("every step draws at the minimum size without garbage past the edge")
  func minimumSize() {
    var state = Self.state(Size(rows: 16, columns: 60))
    for _ in 0..<4 {
      let grid = Self.draw(state)
      #expect(grid.line(1).hasPrefix(" Step "))
      #expect((0..<16).allSatisfy { CellWidth.of(grid.line($0)) <= 60 })
      Self.press(&state, .enter)
    }
    let grid = Self.draw(state)
    #expect(grid.text.contains("User name"))
  }
}

/// Issue 14 fix 1: End on the plan shows its last line at every size.
@Suite("Wizard plan scroll")
struct WizardPlanScrollTests {
  @Test("End shows the last plan line", arguments: [Size(rows: 24, columns: 80), Size(rows: 16, columns: 60), Size(rows: 35, columns: 120)])
  func endShowsLastLine(size: Size) throws {
    var state = WizardScreenTests.state(size)
    WizardScreenTests.press(&state, .enter, .enter, .enter, .enter)
    WizardScreenTests.type(&state, "hunter2")
    WizardScreenTests.press(&state, .enter)
    guard case .wizard(let wizard)? = state.destination else { Issue.record("no wizard"); return }
    let rows = try #require(wizard.planned).rows(width: wizard.bodyWidth)
    let last = try #require(rows.last(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }))
    WizardScreenTests.press(&state, .end)
    var grid = WizardScreenTests.draw(state)
    #expect(grid.text.contains(last.text.trimmingCharacters(in: .whitespaces)))
    #expect(!grid.text.contains("hunter2"))
    state = WizardScreenTests.state(size)
    WizardScreenTests.press(&state, .enter, .enter, .enter, .enter)
    WizardScreenTests.type(&state, "hunter2")
    WizardScreenTests.press(&state, .enter)
    for _ in 0..<rows.count { WizardScreenTests.press(&state, .down) }
    grid = WizardScreenTests.draw(state)
    #expect(grid.text.contains(last.text.trimmingCharacters(in: .whitespaces)))
  }
}
