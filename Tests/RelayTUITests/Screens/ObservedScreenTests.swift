import RelayModel
import Testing

@testable import RelayTUI

@Suite("Screen 6 Observed drawn into a Grid")
struct ObservedScreenTests {
  /// The demo on screen 6 with its built-in mail log, joined by the runner's collector.
  static func state(_ size: Size) -> AppState {
    var state = ScreenFixture.state(size)
    ScreenFixture.press(&state, .character("6"))
    let loaded = ScreenFixture.demo()
    let generated = Generator.generate(loaded.configuration, family: loaded.version!.family)
    let environment = loaded.configuration.environment
    let collector = MailLogCollector(
      comparison: ObservedComparison(router: Router(state: generated, environment: environment), environment: environment),
      source: "/demo/docker-data/dms/mail-logs/mail.log")
    Array(DemoMailLog.content.utf8).withUnsafeBytes { collector.consume($0) }
    _ = AppReducer.reduce(into: &state, action: .mailLogRead(.success(collector.finished())))
    return state
  }

  @Test("80×24: predicted and observed routes, counts, the hour bar; the pane explains the disagreement")
  func observed80() {
    let grid = ScreenFixture.draw(Self.state(Size(rows: 24, columns: 80)))
    #expect(grid.line(1).hasSuffix("6 Observed ≠"))
    #expect(grid.line(2) == "   Sender domain   Predicted       Observed                    Msgs 0h–24h")
    #expect(grid.line(3) == "▸≠ example.com     SMTP ERROR (di… direct 3 sent, none 1 defe… 4    ····█▄·▄····")
    #expect(grid.line(6) == " ✔ shop.example.n… SMTP ERROR → [… via smtp.mailgun.org:587 1… 1    ····█·······")
    #expect(grid.line(14).hasPrefix("─ @example.com ─"))
    #expect(grid.line(15) == " Observed       direct: 3 sent, Dec 05 08:04:12–11:21")
    #expect(grid.line(16) == " Observed       none: 1 deferred, Dec 05 14:02:51")
    #expect(grid.line(17) == " Per hour       ········██·█··█········· (0h–23h)")
    #expect(grid.line(18) == " ≠ 3 messages from example.com went direct since 08:04 although the files")
    #expect(grid.style(at: Point(row: 3, column: 1)) == .selected)
    #expect(grid.style(at: Point(row: 4, column: 1)) == .ok)
    #expect(grid.line(23).hasPrefix(" ↑↓  move  Enter  messages  f  follow"))
  }

  @Test("80×24: Enter lists the messages, newest first; the last failure is in plain words")
  func messages80() {
    var state = Self.state(Size(rows: 24, columns: 80))
    ScreenFixture.press(&state, .end)
    var grid = ScreenFixture.draw(state)
    #expect(grid.text.contains(" Last failure   Dec 05 09:40:04 via smtp.mailgun.org:587: "))
    ScreenFixture.press(&state, .home, .enter)
    grid = ScreenFixture.draw(state)
    #expect(grid.text.contains("Messages from example.com: 4, newest first"))
    let rows = grid.text.split(separator: "\n")
    let first = rows.firstIndex { $0.contains("│ Dec 05 14:02:51 deferred (no recipient)  no delivery logged: the smtp") }
    let last = rows.firstIndex { $0.contains("│ Dec 05 08:04:12 sent     jane.doe@gmail.com → gmail-smtp-in.l.google.com") }
    #expect(first != nil && last != nil && first! < last!, "\(grid.text)")
    #expect(grid.line(23).hasPrefix(" ↑↓  scroll  Esc  close"))
  }

  @Test("Routing marks the domain whose mail the log shows going elsewhere, and says why")
  func routingMark() {
    var state = Self.state(Size(rows: 24, columns: 80))
    ScreenFixture.press(&state, .character("4"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(8).hasPrefix("▸◆ @example.com"))
    #expect(grid.line(9).hasPrefix(" ✖ @shop.example.n"))
    ScreenFixture.press(&state, .down)
    let shop = ScreenFixture.draw(state).text
    #expect(shop.contains(" Observed       agrees: 1 message(s) in the mail log went as predicted"), "\(shop)")
    ScreenFixture.press(&state, .up)
    #expect(ScreenFixture.draw(state).text.contains(" ◆ Observed: 3 messages from example.com went direct since 08:04"))
  }

  @Test("no log: where it looked and how to point at one")
  func missing() {
    var state = ScreenFixture.state(Size(rows: 24, columns: 80))
    ScreenFixture.press(&state, .character("6"))
    #expect(ScreenFixture.draw(state).text.contains("Reading the mail log…"))
    _ = AppReducer.reduce(
      into: &state, action: .mailLogRead(.failure(.missing(searched: "/demo/docker-data/dms/mail-logs/mail.log"))))
    let text = ScreenFixture.draw(state).text
    #expect(text.contains("No mail log at '/demo/docker-data/dms/mail-logs/mail.log' (see below)"))
    #expect(text.contains(" Point at one   dms-relay ui --mail-log FILE"))
  }

  @Test("60×16: every part fits, nothing overflows", arguments: [false, true])
  func small(messages: Bool) {
    var state = Self.state(Size(rows: 16, columns: 60))
    if messages { ScreenFixture.press(&state, .enter) }
    let grid = ScreenFixture.draw(state)
    for row in 0..<16 { #expect(CellWidth.of(grid.line(row)) <= 60) }
    if messages {
      #expect(grid.text.contains("Messages from example.com"))
    } else {
      #expect(grid.line(3).hasPrefix("▸≠ example.com"))
      #expect(grid.text.contains("─ @example.com ─"))
    }
  }
}
