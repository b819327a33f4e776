import RelayModel
import Testing

@testable import RelayTUI

@Suite("Live check progress and results drawn into a Grid")
struct CheckScreenTests {
  /// The demo plus a relay for shop.example.net with credentials, so its route is checked live.
  static func state(_ size: Size) -> AppState {
    var state = ScreenFixture.state(
      size,
      extraFiles: [SaslPasswordFile.fileName: "@shop.example.net postmaster@mg.example.net:hunter2-secret\n"])
    ScreenFixture.press(&state, .character("2"))
    return state
  }

  /// A failed AUTH as the live client reports it: the server's reply, never the password.
  static let authFailed = CheckResult(
    sender: "orders@shop.example.net", relay: "smtp.mailgun.org:587", verdict: .failed, failedStep: .auth,
    steps: [
      CheckStep(.resolve, ok: true, reply: "smtp.mailgun.org: 34.160.1.1", milliseconds: 4),
      CheckStep(.connect, ok: true, reply: "connected to 34.160.1.1 port 587", milliseconds: 21),
      CheckStep(.greeting, ok: true, reply: "220 smtp.mailgun.org ESMTP", milliseconds: 40),
      CheckStep(.ehlo, ok: true, reply: "250-smtp.mailgun.org\n250 AUTH PLAIN LOGIN", milliseconds: 20),
      CheckStep(.starttls, ok: true, reply: "220 2.0.0 Ready to start TLS", milliseconds: 25),
      CheckStep(.auth, ok: false, reply: "535 5.7.0 Authentication failed", milliseconds: 90),
    ],
    explanation: "the relay refused the password for 'postmaster@mg.example.net' (535)")

  /// Opens the check on the selected relay row, shows a step, then the result.
  static func checked(_ size: Size) -> (running: AppState, done: AppState) {
    var state = state(size)
    let row = state.derived.relays.firstIndex { $0.nexthop == "[smtp.mailgun.org]:587" }!
    for _ in 0..<row { ScreenFixture.press(&state, .down) }
    ScreenFixture.press(&state, .character("T"))
    _ = AppReducer.reduce(into: &state, action: .checkStepStarted(run: 1, index: 0, .auth))
    let running = state
    _ = AppReducer.reduce(into: &state, action: .checkFinished(run: 1, index: 0, authFailed, at: "14:02:09"))
    return (running, state)
  }

  @Test("80×24: the progress box shows the step under way and that Esc cancels")
  func progress80() {
    let grid = ScreenFixture.draw(Self.checked(Size(rows: 24, columns: 80)).running)
    #expect(grid.text.contains("Checking 1 relay(s): 0 done"))
    #expect(grid.text.contains("auth …                orders@shop.example.net via smtp.mailgun.org:587"))
    #expect(grid.text.contains("Esc cancels"))
    #expect(grid.line(23).hasPrefix(" Esc  cancel check"))
  }

  @Test("80×24: the result lands in the pane (verdict, explanation, steps) and as a marker on the row")
  func result80() {
    let grid = ScreenFixture.draw(Self.checked(Size(rows: 24, columns: 80)).done)
    let text = grid.text
    #expect(text.contains("Checked"))
    #expect(text.contains("✖ 14:02"))
    #expect(text.contains(" Checked 14:02  FAILED at auth: orders@shop.example.net via smtp.mailgun.org:587"))
    #expect(text.contains(" ✖ the relay refused the password for 'postmaster@mg.example.net' (535)"))
    #expect(text.contains("   ✔ connect     21 ms   connected to 34.160.1.1 port 587"))
    #expect(!text.contains("hunter2"))
    #expect(grid.line(22).contains("check at 14:02:09: 0 ok, 1 failed"))
  }

  @Test("60×16: box, pane and marker fit, nothing overflows")
  func small() {
    let (running, done) = Self.checked(Size(rows: 16, columns: 60))
    for state in [running, done] {
      let grid = ScreenFixture.draw(state)
      for row in 0..<16 { #expect(CellWidth.of(grid.line(row)) <= 60) }
    }
    #expect(ScreenFixture.draw(running).text.contains("auth …"))
    let text = ScreenFixture.draw(done).text
    #expect(text.contains("✖ 14:02"))
    #expect(text.contains("FAILED at auth"))
    #expect(!text.contains("hunter2"))
  }
}
