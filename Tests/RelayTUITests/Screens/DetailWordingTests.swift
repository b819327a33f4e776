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
