import RelayModel
import Testing

@testable import RelayTUI

@Suite("Screens drawn into a Grid at 80×24")
struct ScreenTests {
  @Test("Routing opens with the banner: no outbound mail will leave, and the fix")
  func routingBanner() {
    let grid = ScreenFixture.draw(ScreenFixture.state())
    #expect(grid.line(0).hasPrefix(" dms-relay │ DMS 13.3.1 (v12-13) │ /demo/docker-data/dms/config"))
    #expect(grid.line(0).hasSuffix("saved"))
    #expect(grid.line(1) == " 1 Domains 6  2 Relays 3  3 Credentials 0  4 Routing ✖  5 Changes  6 Observed")
    #expect(grid.line(2) == " ✖ no outbound mail will leave: RELAY_HOST is set without credentials, so DMS")
    #expect(grid.style(at: Point(row: 2, column: 5)) == .banner)
    #expect(grid.text.contains("   Fix: add credentials (dms-relay add-auth DOMAIN USER, or RELAY_USER and"))
    #expect(grid.line(7).hasPrefix("   Sender"))
    #expect(grid.line(8).hasPrefix("▸✖ @example.com"))
    #expect(grid.line(8).contains("SMTP ERROR (direct)"))
    #expect(grid.line(9).contains("SMTP ERROR → [smtp.mailgun.org]:587"))
    #expect(grid.text.contains(" On 13.3.1      error: smtp_sasl_auth_enable = yes but no"))
    #expect(grid.line(22).hasPrefix(" ✖ 1 error  ▲ 4 warnings  │ mail will not go where the files say"))
    #expect(grid.line(23).hasPrefix(" ↑↓  move  t  route address  c  compare  e  edit  x  opt-out"))
  }

  @Test("Domains lists each sender domain with its relay map entry and route")
  func domains() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("1"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(2) == "   Domain                 Relay map        Route on 13.3.1")
    #expect(grid.line(3) == "▸✖ example.com            — default        SMTP ERROR (direct)")
    // The route keeps its port; the relay map column shrinks first (issue 14).
    #expect(grid.line(4) == " ✖ shop.example.net       [smtp.mailgun.o… SMTP ERROR → [smtp.mailgun.org]:587")
    #expect(grid.line(6) == " ✖ internal.example.com   opt-out '@INTER… SMTP ERROR → [smtp.sendgrid.net]:587")
    #expect(grid.line(14).hasPrefix("─ @example.com ─"))
    #expect(grid.line(15) == " Found in       accounts, aliases")
  }

  @Test("Relays shows each relay, who names it, the senders and the missing AUTH")
  func relays() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("2"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(2).hasPrefix("   Relay"))
    #expect(grid.line(3).hasPrefix("▸✖ [smtp.sendgrid.net]:587"))
    #expect(grid.line(3).contains("RELAY_HOST, map @ex…"))
    #expect(grid.line(5).contains("465"))
    #expect(grid.text.contains(" Named by       RELAY_HOST + RELAY_PORT (/demo/mailserver.env:7)"))
    #expect(grid.text.contains(" ▲ no credentials: mail is sent without AUTH"))
  }

  @Test("Credentials masks passwords; the password is never drawn")
  func credentials() {
    var state = ScreenFixture.state(extraFiles: [SaslPasswordFile.fileName: "@shop.example.net postmaster@mg:hunter2-secret\n"])
    ScreenFixture.press(&state, .character("3"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(3).hasPrefix("▸  @shop.example.net"))
    #expect(grid.line(3).contains("postmaster@mg"))
    #expect(grid.line(3).contains("••••••••"))
    #expect(grid.text.contains(" Password       •••••••• (never shown)"))
    #expect(!grid.text.contains("hunter2"))
  }

  @Test("Changes shows the pending edit and the redacted diff")
  func changes() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("3"), .character("a"))
    ScreenFixture.type(&state, "example.com")
    ScreenFixture.press(&state, .tab)
    ScreenFixture.type(&state, "apikey")
    ScreenFixture.press(&state, .tab)
    ScreenFixture.type(&state, "hunter2-secret")
    ScreenFixture.press(&state, .enter, .character("5"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(0).hasSuffix("● 1 unsaved change"))
    #expect(grid.line(2) == " 1 pending change(s) in 1 file(s) — w writes, u undoes the last")
    #expect(grid.line(3) == "▸Pending edits (nothing is written until w, then y):")
    #expect(grid.line(4) == " 1. credentials for '@example.com' (user 'apikey')")
    #expect(grid.line(6) == " /demo/docker-data/dms/config/postfix-sasl-password.cf (new file)")
    #expect(grid.line(10) == " +@example.com apikey:<redacted>")
    #expect(grid.style(at: Point(row: 10, column: 1)) == .added)
    #expect(!grid.text.contains("hunter2"))
  }

  @Test("the add-domain dialog shows the fields in order and the reason next to a bad value")
  func dialog() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("1"), .character("a"))
    ScreenFixture.type(&state, "corp.example")
    ScreenFixture.press(&state, .tab)
    ScreenFixture.type(&state, "smtp.relay.test:25")
    let grid = ScreenFixture.draw(state)
    let text = grid.text
    #expect(text.contains("┌─ Add relay mapping ─"))
    let domain = grid.find("Sender domain")!, host = grid.find("Relay host")!, port = grid.find("Port  ")!
    #expect(domain.row < host.row && host.row < port.row)
    #expect(text.contains("│   Sender domain     corp.example"))
    #expect(text.contains("│ ▸ Relay host        smtp.relay.test:25▏"))
    #expect(text.contains("✖ must not contain a port or ':'"))
    #expect(text.contains("Enter is refused until every field is valid"))
    #expect(grid.line(23).hasPrefix(" Tab  next  S-Tab  back  Enter  save  Esc  cancel"))
  }

  @Test("the credentials dialog masks the password until ^R")
  func passwordMask() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("3"), .character("a"))
    ScreenFixture.type(&state, "example.com")
    ScreenFixture.press(&state, .tab)
    ScreenFixture.type(&state, "apikey")
    ScreenFixture.press(&state, .tab)
    ScreenFixture.type(&state, "hunter2")
    #expect(ScreenFixture.draw(state).text.contains("Password          •••••••▏"))
    #expect(!ScreenFixture.draw(state).text.contains("hunter2"))
    ScreenFixture.press(&state, .control("r"))
    #expect(ScreenFixture.draw(state).text.contains("Password          hunter2▏"))
  }

  @Test("w asks with the file list")
  func confirmWrite() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("1"), .end, .character("x"), .character("w"))
    let text = ScreenFixture.draw(state).text
    #expect(text.contains("Write 1 file(s)?"))
    #expect(text.contains("/demo/docker-data/dms/config/postfix-relaymap.cf  (+1 −0)"))
    #expect(text.contains("│ Write these files now?   y  yes   n  no"))
  }

  @Test("c draws both versions side by side and marks the differences")
  func comparison() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("c"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(0).contains("DMS 13.3.1 (v12-13) vs 15.1.0"))
    #expect(grid.line(7).contains("On 13.3.1 (v12-13)"))
    #expect(grid.line(7).contains("On 15.1.0 (v14+)"))
    #expect(grid.line(8).hasPrefix("▸≠ @example.com            SMTP ERROR (direct)"))
    #expect(grid.line(9).hasPrefix(" ≠ @shop.example.net       SMTP ERROR → [smtp.mailgun.org]:5… → [smtp.mailgun.o"))
    #expect(grid.style(at: Point(row: 9, column: 70)) == .changed)
    #expect(grid.style(at: Point(row: 9, column: 1)) == .changed)
    // The port-465 relay: smtp dies on 13.3.1 (no password table), the connection times
    // out on 15.1.0 — both fail, but differently, so the row is marked.
    #expect(grid.line(10).hasPrefix(" ≠ @newsletter.ex"))
    #expect(grid.line(10).contains("SMTP ERROR"))
    #expect(grid.line(10).contains("DEFERRED"))
  }

  @Test("help lists every key of the screens and dialogs, read from the key-binding table")
  func help() {
    var state = ScreenFixture.state()
    ScreenFixture.press(&state, .character("?"))
    let text = ScreenFixture.draw(state).text
    let listed = KeyBindings.table.filter { $0.scope.isListedInHelp }
    #expect(listed.count > 20)
    for binding in listed {
      #expect(binding.section != nil, "'\(binding.keys)' (\(binding.description)) has no help section")
      #expect(text.contains(" \(binding.keys) "), "help lacks the keys '\(binding.keys)'")
      #expect(text.contains(" \(binding.description)"), "help lacks '\(binding.description)'")
    }
    // The ones an earlier hand-kept list missed.
    for keys in [" E ", " i ", " Home g End G ", " ← h S-Tab ^B "] { #expect(text.contains(keys), "help lacks \(keys)") }
    #expect(text.contains("press any key"))
  }
}

@Suite("Screens at small sizes")
struct SmallScreenTests {
  @Test("below 60×16 a notice replaces the screens", arguments: [Size(rows: 15, columns: 80), Size(rows: 24, columns: 59), Size(rows: 3, columns: 10)])
  func tooSmall(size: Size) {
    let grid = ScreenFixture.draw(ScreenFixture.state(size))
    if size.columns >= 18 {
      #expect(grid.text.contains("Terminal too small"))
    }
    #expect(!grid.text.contains("Domains"))
  }

  @Test("at exactly 60×16 every part is drawn and nothing overflows")
  func minimum() {
    var state = ScreenFixture.state(Size(rows: 16, columns: 60))
    let short = ["1 Dom.", "2 Rel.", "3 Cre.", "4 Rou.", "5 Cha.", "6 Obs."]
    let full = ["1 Domains", "2 Relays", "3 Credentials", "4 Routing", "5 Changes", "6 Observed"]
    for (index, tab) in ["1", "2", "3", "4", "5", "6"].enumerated() {
      ScreenFixture.press(&state, .character(Character(tab)))
      let grid = ScreenFixture.draw(state)
      #expect(grid.line(0).hasPrefix(" dms-relay │ DMS 13.3.1"))
      // Every tab shows; the counts give way first, then the other tabs' titles (issue 14).
      var labels = short
      labels[index] = full[index]
      #expect(grid.line(1) == " " + labels.joined(separator: "  "))
      #expect(grid.line(14).hasPrefix(" ✖ 1 error"))
      #expect(grid.line(15).hasPrefix(" ↑↓  move"))
      for row in 0..<16 { #expect(CellWidth.of(grid.line(row)) <= 60) }
    }
    ScreenFixture.press(&state, .character("1"), .character("a"))
    let text = ScreenFixture.draw(state).text
    #expect(text.contains("Sender domain"))
    #expect(text.contains("Port"))
  }
}

@Suite("Terminal pieces: Grid, cell widths, ASCII fallback, key codes")
struct TerminalTests {
  @Test("Grid clips at the edge and gives wide characters two cells")
  func grid() {
    var grid = Grid(size: Size(rows: 2, columns: 6))
    grid.put("abcdefgh", at: Point(row: 0, column: 2), style: .bold)
    grid.put("日本語", at: Point(row: 1, column: 1), style: .normal)
    grid.put("x", at: Point(row: 5, column: 0), style: .normal)
    #expect(grid.text == "  abcd\n 日本")
    #expect(grid.style(at: Point(row: 0, column: 2)) == .bold)
  }

  @Test("fit pads or cuts with an ellipsis")
  func fit() {
    #expect(CellWidth.fit("abc", 5) == "abc  ")
    #expect(CellWidth.fit("abcdef", 4) == "abc…")
    #expect(CellWidth.of("é") == 1)
    #expect(CellWidth.of("e\u{301}") == 1)
  }

  @Test("ASCII fallback keeps every glyph one cell wide")
  func ascii() {
    #expect(Glyphs.asciiOnly("┌─ Add ─┐ ✖ ▲ • → …") == "+- Add -+ X ! * > ~")
    #expect(Glyphs.asciiOnly("plain") == "plain")
  }

  @Test("KeyMap turns curses codes into keys")
  func keyMap() {
    let map = KeyMap(functionKeys: [258: .down, 353: .backTab], resizeCode: 410)
    #expect(map.event(code: 258, isFunction: true) == .key(.down))
    #expect(map.event(code: 410, isFunction: true) == .resize)
    #expect(map.event(code: 999, isFunction: true) == nil)
    #expect(map.event(code: 9, isFunction: false) == .key(.tab))
    #expect(map.event(code: 13, isFunction: false) == .key(.enter))
    #expect(map.event(code: 27, isFunction: false) == .key(.escape))
    #expect(map.event(code: 127, isFunction: false) == .key(.backspace))
    #expect(map.event(code: 18, isFunction: false) == .key(.control("r")))
    #expect(map.event(code: 0x61, isFunction: false) == .key(.character("a")))
    #expect(map.event(code: 0xE9, isFunction: false) == .key(.character("é")))
  }

  @Test("columns share the width, fixed ones first")
  func columns() {
    let widths = Column.resolve(
      [Column("", .fixed(1)), Column("A", .flexible(weight: 1, minimum: 5)), Column("B", .flexible(weight: 3, minimum: 5))],
      total: 43)
    #expect(widths == [1, 10, 30])
  }
}

/// Issue 14 fix 6: help and quit always on the key bar, every tab shown, no overlap.
@Suite("Key bar, tab bar and list header at 80×24 and 60×16")
struct ChromeFitTests {
  static let sizes = [Size(rows: 24, columns: 80), Size(rows: 16, columns: 60)]

  @Test("help and quit show on every screen, also with pending changes", arguments: sizes)
  func helpAndQuit(size: Size) {
    var state = ScreenFixture.state(size)
    ScreenFixture.press(&state, .character("1"), .character("x"))  // a pending opt-out
    #expect(state.hasUnsavedChanges)
    for tab in ["1", "2", "3", "4", "5"] {
      ScreenFixture.press(&state, .character(Character(tab)))
      let bar = ScreenFixture.draw(state).line(size.rows - 1)
      #expect(bar.contains("?  help"), "tab \(tab) at \(size.columns): \(bar)")
      #expect(bar.hasSuffix("q  quit") || bar.contains("q  quit"), "tab \(tab) at \(size.columns): \(bar)")
      #expect(CellWidth.of(bar) <= size.columns)
    }
  }

  @Test("F-keys show when the bar has room")
  func functionKeys() {
    let hints = [KeyHint("↑↓", "move"), KeyHint("?", "help", pinned: true, functionKey: "F1"), KeyHint("q", "quit", pinned: true, functionKey: "F10")]
    #expect(KeyBar.cells(hints, width: 80).map(\.key) == [" ↑↓ ", " F1 ? ", " F10 q "])
    #expect(KeyBar.cells(hints, width: 30).map(\.key) == [" ↑↓ ", " ? ", " q "])
    #expect(KeyBar.cells(hints, width: 20).map(\.key) == [" ? ", " q "])
  }

  @Test("at 60×16 all six tabs show and the row counter does not cover a title")
  func narrow() {
    var state = ScreenFixture.state(Size(rows: 16, columns: 60))
    ScreenFixture.press(&state, .character("4"))
    let grid = ScreenFixture.draw(state)
    #expect(grid.line(1) == " 1 Dom.  2 Rel.  3 Cre.  4 Routing  5 Cha.  6 Obs.")
    let header = grid.line(5)
    #expect(header.hasPrefix("   Sender"))
    #expect(header.hasSuffix(" 1–3 of 7"))
    #expect(!header.contains("Decided b "))
    #expect(!header.contains("Decided b1"))
  }
}

/// Issue 14 fix 7: the status line's count agrees with the rows' ✖ marks.
@Suite("Status line count agrees with the rows")
struct StatusCountTests {
  @Test("with credentials the port-465 relay still defers: the count says so", arguments: ChromeFitTests.sizes)
  func undeliveredCounted(size: Size) {
    let sasl = "@example.com apikey:pw\n@shop.example.net postmaster@mg:pw\n[smtp.sendgrid.net]:587 apikey:pw\n"
    var state = ScreenFixture.state(size, extraFiles: [SaslPasswordFile.fileName: sasl])
    ScreenFixture.press(&state, .character("1"))
    let grid = ScreenFixture.draw(state)
    #expect(state.preview.errorCount == 0)
    let marked = (0..<size.rows).filter { grid.line($0).hasPrefix(" ✖ ") || grid.line($0).hasPrefix("▸✖ ") }
    #expect(!marked.isEmpty)
    let status = grid.line(size.rows - 2)
    #expect(!status.contains("0 errors"), "\(status)")
    #expect(status.hasPrefix(" ✖ \(state.derived.undeliveredSenders) sender"))
    #expect(grid.style(at: Point(row: size.rows - 2, column: 1)) == .error)
  }

  @Test("the wording")
  func wording() {
    #expect(CountText.errors(diagnostics: 0, undeliveredSenders: 0) == "0 errors")
    #expect(CountText.errors(diagnostics: 1, undeliveredSenders: 3) == "1 error")
    #expect(CountText.errors(diagnostics: 0, undeliveredSenders: 1) == "1 sender not delivered")
    #expect(CountText.errors(diagnostics: 0, undeliveredSenders: 2) == "2 senders not delivered")
  }
}
