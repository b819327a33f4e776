import RelayModel
import Testing

@testable import RelayTUI

/// Issue 14 fix 12: the detail pane names the opt-out line that decided a route, and does not
/// say "follows RELAY_HOST" for a domain a prefix collision sends direct.
@Suite("Detail pane: opt-out line and blocked RELAY_HOST entry")
struct DetailWordingTests {
  static func optOutState(_ size: Size) -> AppState {
    let configuration = Configuration(
      relayMap: RelayMapFile(bytes: Array("@b.test \n".utf8)),
      accounts: AccountsFile(bytes: Array("u@a.test|x\nu@b.test|x\n".utf8)),
      environment: EnvFile(bytes: Array("RELAY_HOST=smtp.relay.test\nRELAY_USER=u\nRELAY_PASSWORD=p\n".utf8))
        .environment(path: "/demo/mailserver.env"))
    let loaded = LoadedConfiguration(
      configuration: configuration, configDirectory: "/demo/config", envFiles: ["/demo/mailserver.env"],
      version: try! DMSVersion.parse("15.1.0"))
    return AppState.opening(loaded, size: size)
  }

  @Test("an opted-out domain names its opt-out line (at 60×16 the pane's first rows hold other fields)")
  func optOut() throws {
    let size = Size(rows: 24, columns: 80)
    var state = Self.optOutState(size)
    ScreenFixture.press(&state, .character("1"))
    let index = try #require(state.derived.domains.firstIndex { $0.name == "b.test" })
    for _ in 0..<index { ScreenFixture.press(&state, .down) }
    #expect(state.derived.domains[index].route.outcome == .direct)
    let grid = ScreenFixture.draw(state)
    #expect(grid.text.contains("Decided by     opt-out '@b.test ' ← postfix-relaymap.cf:1"))
    #expect(!grid.text.contains("no relay map entry"))
    #expect(DomainsScreen.decision(state.derived.domains[index])?.hasPrefix("opt-out '@b.test '") == true)
  }

  @Test("a prefix-collision domain does not 'follow RELAY_HOST'")
  func prefixCollision() {
    var state = ScreenFixture.state(Size(rows: 40, columns: 120))
    ScreenFixture.press(&state, .character("1"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.text.contains("─ @example.com ─"))
    #expect(grid.text.contains("Relay map      no line, and no RELAY_HOST entry: DMS's check grep '^@example.com\\b' also matches"))
    #expect(!grid.text.contains("follows RELAY_HOST / DEFAULT_RELAY_HOST"))
  }
}

/// Issue 14 fix 12: "… N more (i)" leads to the hidden detail lines, not only the global list.
@Suite("i shows the detail lines the pane cut")
struct DetailOverflowTests {
  @Test("the lines cut from the pane are in the i overlay", arguments: ChromeFitTests.sizes)
  func hiddenLines(size: Size) throws {
    var state = ScreenFixture.state(size)
    ScreenFixture.press(&state, .character("1"))
    let before = ScreenFixture.draw(state)
    #expect(before.text.contains("more (i)"))
    let detail = try #require(DomainsScreen.detail(state, width: size.columns))
    let shown = Set((0..<size.rows).map { before.line($0) })
    let hidden = detail.lines.map { $0.map(\.text).joined() }.filter { line in
      !line.trimmingCharacters(in: .whitespaces).isEmpty && !shown.contains { $0.hasPrefix(line.trimmingCharacters(in: .whitespaces).isEmpty ? "x" : line) }
    }
    let last = try #require(hidden.last)
    ScreenFixture.press(&state, .character("i"))
    var seen = ""
    for _ in 0..<detail.lines.count {
      seen += ScreenFixture.draw(state).text
      ScreenFixture.press(&state, .down)
    }
    #expect(seen.contains("@example.com"))
    let words = last.trimmingCharacters(in: .whitespaces).prefix(20)
    #expect(seen.contains(words), "'\(words)' not in the overlay")
  }
}
