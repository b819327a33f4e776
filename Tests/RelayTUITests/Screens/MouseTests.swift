import RelayModel
import Testing

@testable import RelayTUI

/// Mouse (issue 14, Feel): clicks and the wheel become the keys and selections the keyboard
/// gives, through the same reducer; checked at 80×24 and 60×16.
@Suite("Mouse: clicks on tabs, rows, key labels and question buttons; the wheel")
struct MouseTests {
  static func apply(_ event: MouseMap.Event, _ state: inout AppState) {
    for action in MouseMap.actions(event, state: state) { _ = AppReducer.reduce(into: &state, action: action) }
  }

  @Test("a click on a tab switches to it", arguments: ChromeFitTests.sizes)
  func tabs(size: Size) throws {
    var state = ScreenFixture.state(size)
    let grid = ScreenFixture.draw(state)
    let relays = try #require(grid.find("2 Relays") ?? grid.find("2 Rel."))
    Self.apply(.click(Point(row: Layout.tabRow, column: relays.column + 3)), &state)
    #expect(state.tab == .relays)
    let changes = try #require(ScreenFixture.draw(state).find("5 Changes") ?? ScreenFixture.draw(state).find("5 Cha."))
    Self.apply(.click(Point(row: Layout.tabRow, column: changes.column)), &state)
    #expect(state.tab == .changes)
  }

  @Test("a click on a list row selects it; the wheel moves three rows", arguments: ChromeFitTests.sizes)
  func rows(size: Size) {
    var state = ScreenFixture.state(size)
    ScreenFixture.press(&state, .character("1"))
    let layout = state.layout
    Self.apply(.click(Point(row: layout.listTop + 2, column: 10)), &state)
    #expect(state.position(.domains).selected == 2)
    #expect(state.destination == nil)
    Self.apply(.wheelUp, &state)
    #expect(state.position(.domains).selected == 0)
    Self.apply(.wheelDown, &state)
    #expect(state.position(.domains).selected == 3)
    // The last visible list row: selected when a domain is there (6 in the demo), else nothing.
    let last = layout.listRows - 1
    Self.apply(.click(Point(row: layout.listTop + last, column: 10)), &state)
    #expect(state.position(.domains).selected == (last < 6 ? last : 3))
  }

  @Test("a click on a key bar label presses its key; on a question's button answers it", arguments: ChromeFitTests.sizes)
  func keyLabels(size: Size) throws {
    var state = ScreenFixture.state(size)
    ScreenFixture.press(&state, .character("1"))
    var grid = ScreenFixture.draw(state)
    let help = try #require(grid.find("?  help"))
    Self.apply(.click(Point(row: size.rows - 1, column: help.column + 4)), &state)  // on the word "help"
    #expect(state.destination == .help)
    ScreenFixture.press(&state, .escape)
    ScreenFixture.press(&state, .character("x"), .character("q"))
    guard case .confirm = state.destination else { Issue.record("no quit question"); return }
    grid = ScreenFixture.draw(state)
    let no = try #require(grid.find(" n  not quitting") ?? grid.find(" n "))
    Self.apply(.click(Point(row: no.row, column: no.column + 1)), &state)
    #expect(state.destination == nil)
    #expect(state.hasUnsavedChanges)
  }

  @Test("key names")
  func names() {
    #expect(MouseMap.key(named: "Enter") == .enter)
    #expect(MouseMap.key(named: "Esc") == .escape)
    #expect(MouseMap.key(named: "^R") == .control("r"))
    #expect(MouseMap.key(named: "F10") == .function(10))
    #expect(MouseMap.key(named: "y") == .character("y"))
    #expect(MouseMap.key(named: "↑↓") == nil)
  }
}
