import Testing

@testable import RelayModel

@Suite("App values: list position, wrapping, version choices, layout")
struct ValuesTests {
  @Test("ListPosition scrolls only as far as needed")
  func listPosition() {
    var position = ListPosition()
    position.move(by: 5, count: 100, height: 4)
    #expect(position == ListPosition(selected: 5, scroll: 2))
    position.move(by: -4, count: 100, height: 4)
    #expect(position == ListPosition(selected: 1, scroll: 1))
    position.select(1000, count: 100, height: 4)
    #expect(position == ListPosition(selected: 99, scroll: 96))
    position.clamp(count: 10, height: 4)
    #expect(position == ListPosition(selected: 9, scroll: 6))
    position.clamp(count: 0, height: 4)
    #expect(position == ListPosition())
  }

  @Test("TextWrap breaks at spaces, cuts long words, and marks a cut text with …")
  func wrap() {
    #expect(TextWrap.lines("no outbound mail will leave", width: 12) == ["no outbound", "mail will", "leave"])
    #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextWrap.lines("one two three four", width: 8, limit: 2) == ["one two", "three…"])
    #expect(TextWrap.lines("", width: 5) == [""])
  }

  @Test("v offers the detected version and one per other family")
  func versionChoices() throws {
    let choices = VersionChoices(detected: try DMSVersion.parse("14.0.1"))
    #expect(choices.versions.map(\.name) == ["11.3.1", "13.3.1", "14.0.1", "edge"])
    #expect(choices.next(after: choices.versions[2]).name == "edge")
    #expect(choices.next(after: choices.versions[3]).name == "11.3.1")
    // The newest has no newer release: the nearest older comes first, then the oldest.
    #expect(choices.nextComparison(after: nil, selected: choices.versions[3])?.name == "14.0.1")
    #expect(choices.nextComparison(after: choices.versions[1], selected: choices.versions[3])?.name == "11.3.1")
    #expect(choices.nextComparison(after: choices.versions[0], selected: choices.versions[3]) == nil)
    // From the middle: the next newer first (issue 14 fix 9), then the older.
    #expect(choices.nextComparison(after: nil, selected: choices.versions[1])?.name == "14.0.1")
    #expect(choices.nextComparison(after: choices.versions[2], selected: choices.versions[1])?.name == "edge")
    #expect(choices.nextComparison(after: choices.versions[3], selected: choices.versions[1])?.name == "11.3.1")
  }

  @Test("Layout at 80×24: a list with a detail pane; the Routing banner takes rows from the list")
  func layout() {
    let state = AppFixture.demoState()
    let domains = state.layout(for: .domains)
    #expect([domains.headerRow, domains.listTop, domains.listRows, domains.detailTop, domains.detailRows] == [2, 3, 11, 14, 8])
    #expect(domains.statusRow == 22)
    #expect(domains.keyBarRow == 23)
    let routing = state.layout(for: .routing)
    #expect(routing.bannerRows == 5)
    #expect(routing.listRows + routing.bannerRows + routing.detailRows + 1 == 20)
    let changes = state.layout(for: .changes)
    #expect(changes.detailRows == 0)
    #expect(changes.listRows == 19)
  }
}
