import Testing
@testable import RelayModel

/// Whitespace-led table lines as Postfix 3.7's `readlline()` reads them (spec §5), each case
/// checked with `postmap -s texthash:` on the same bytes.
@Suite("Whitespace-led table lines")
struct WhitespaceLedLineTests {
  private func table(_ text: String) -> TexthashTable {
    TexthashTable(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) })
  }

  @Test("a whitespace-led first line is dropped with its continuations, not read as an entry")
  func firstLineDropped() {
    let t = table(" @a.test [a.relay]:587\n  [more]\n@b.test [b]\n")
    #expect(t.lookup("@a.test") == nil)
    #expect(t.lookup("@b.test")?.value == "[b]")
    #expect(t.droppedLines == [0, 1])
  }

  @Test("after only comment and blank lines nothing is open: the line is dropped")
  func afterCommentsDropped() {
    let t = table("# relays\n\n  @a.test [a.relay]:587\n@b.test [b.relay]:587\n")
    #expect(t.lookup("@a.test") == nil)
    #expect(t.entries.map(\.key) == ["@b.test"])
    #expect(t.droppedLines == [2])
  }

  @Test("after an entry, blank and comment lines do not close it: the line continues it")
  func blankDoesNotCloseEntry() {
    let t = table("@x.test [x]:25\n\n# c\n  @a.test [a.relay]:587\n")
    #expect(t.lookup("@a.test") == nil)
    #expect(t.lookup("@x.test")?.value == "[x]:25  @a.test [a.relay]:587")
    #expect(t.lookup("@x.test")?.continuationLines == [3])
    #expect(t.droppedLines.isEmpty)
  }

  @Test("the relay map's dropped first line: no route, its own diagnostic, no continuation-line")
  func diagnosed() throws {
    let config = configuration(
      relayMap: "  @a.test [ra.test]:587\n@b.test [rb.test]:587\n", accounts: "u@a.test|{X}y\nu@b.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("u@a.test").outcome == .direct)
    #expect(p.routeFor("u@b.test").nexthop == "[rb.test]:587")
    #expect(p.first(.whitespaceLedLine)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 1))
    #expect(!p.has(.continuationLine))
  }

  @Test("a dropped sasl line is diagnosed without quoting it (it may be a password)")
  func saslLineNotQuoted() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n", sasl: " @a.test user:secret\n", accounts: "u@a.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("u@a.test").authUser == nil)
    let d = try #require(p.first(.whitespaceLedLine))
    #expect(d.location == SourceLocation(file: "postfix-sasl-password.cf", line: 1))
    #expect(!d.message.contains("secret") && !d.message.contains("user"))
  }
}

/// A whitespace-led credentials line after an entry (spec §5).
@Suite("Whitespace-led credentials lines after an entry")
struct SaslContinuationTests {
  @Test("it joins the entry above, whose password changes: continuation-line, nothing quoted")
  func joinsAbove() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n", sasl: "@a.test a-user:a-pass\n  left-over-secret\n",
      accounts: "u@a.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    #expect(p.router.saslTable?.lookup("@a.test")?.value == "a-user:a-pass  left-over-secret")
    #expect(p.routeFor("u@a.test").authUser == "a-user")
    let d = try #require(p.first(.continuationLine))
    #expect(d.location == SourceLocation(file: "postfix-sasl-password.cf", line: 2))
    #expect(d.message.contains("line 1's credentials"))
    #expect(!d.message.contains("secret") && !d.message.contains("a-pass"))
  }
}
