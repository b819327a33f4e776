import Testing
@testable import RelayModel
@testable import RelayTUI

/// The Routing pane of a relay value with more than one next hop (spec §5).
@Suite("Fallback hops in the Routing pane")
struct FallbackPaneTests {
  @Test("the demo's '[…]:465 # Amazon SES' lists its fallbacks, the '#' marked as unusable")
  func fallbacksShown() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("4"), .down, .down)
    let grid = ScreenFixture.draw(state)
    #expect(grid.text.contains("─ @newsletter.example.org ─"))
    #expect(grid.text.contains(" Fallbacks      # (cannot work), Amazon, SES"))
  }
}
