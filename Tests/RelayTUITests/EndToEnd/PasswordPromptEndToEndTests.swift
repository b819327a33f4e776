import Foundation
import Testing

/// `set-env RELAY_PASSWORD` without a value asks twice on the terminal without echo, as
/// `add-auth` does (issue 14 fix 5): the typed password never appears on the screen.
@Suite(
  "set-env password prompt (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct PasswordPromptEndToEndTests {
  @Test("asked twice without echo; the env file gets it")
  func prompt() throws {
    let root = try EndToEnd.checkout(of: "sasl-file-and-env-creds")
    let session = try TmuxSession([EndToEnd.binary, "set-env", "RELAY_PASSWORD"], in: root, columns: 100, rows: 20)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("Password: ")
    try session.type("hunter2-x")
    try session.press("Enter")
    try session.waitFor("Repeat password: ")
    try session.type("hunter2-x")
    try session.press("Enter")
    #expect(try session.waitForExit() == 0)
    #expect(!(try session.capture()).contains("hunter2"))
    #expect(EndToEnd.read("\(root)/mailserver.env")?.contains("RELAY_PASSWORD=hunter2-x\n") == true)
  }
}

/// Issue 14 fix 12: Ctrl-C with unsaved changes asks first (it used to kill the program).
@Suite(
  "Ctrl-C in the UI (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct InterruptEndToEndTests {
  @Test("Ctrl-C with a pending change asks; n stays; Ctrl-C twice quits; nothing written")
  func asks() throws {
    let root = try EndToEnd.checkout(of: "relay-host-user-password")
    let config = "docker-data/dms/config"
    let session = try TmuxSession(
      [EndToEnd.binary, "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", "13.3.1"], in: root)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 1")
    try session.press("x")
    try session.waitFor("unsaved change")
    try session.press("C-c")
    try session.waitFor("Quit without writing?")
    try session.press("n")
    try session.waitFor("not quitting")
    try session.press("C-c")
    try session.waitFor("Quit without writing?")
    try session.press("C-c")
    #expect(try session.waitForExit() == 0)
    #expect(EndToEnd.read("\(root)/\(config)/postfix-relaymap.cf") == nil)
  }
}

@Suite(
  "--read-only (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct ReadOnlyEndToEndTests {
  @Test("dms-relay --read-only: the title says so, x changes nothing, q quits at once")
  func readOnly() throws {
    let root = try EndToEnd.checkout(of: "relay-host-user-password")
    let session = try TmuxSession(
      [EndToEnd.binary, "--read-only", "--config-dir", "docker-data/dms/config", "--env-file", "mailserver.env", "--dms-version", "13.3.1"],
      in: root)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("read-only")
    try session.press("1", "x")
    try session.waitFor("nothing can be changed here")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
    #expect(EndToEnd.read("\(root)/docker-data/dms/config/postfix-relaymap.cf") == nil)
  }
}

@Suite(
  "Mouse in the terminal (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct MouseEndToEndTests {
  /// A mouse press and release as a terminal with `TERM=xterm-256color` reports them: SGR
  /// (mode 1006, `ESC [ < b ; x ; y M` then `m`, 1-based), which ncurses asks for because that
  /// terminfo's `kmous` is `\E[<`.
  static func report(button: Int, row: Int, column: Int) -> String {
    let place = "\(button);\(column + 1);\(row + 1)"
    return "\u{1B}[<" + place + "M" + "\u{1B}[<" + place + "m"
  }

  func start(_ extra: [String], environment: [String: String] = [:]) throws -> (TmuxSession, String) {
    let root = try EndToEnd.checkout(of: "relay-host-user-password")
    let session = try TmuxSession(
      [EndToEnd.binary] + extra + ["--config-dir", "docker-data/dms/config", "--env-file", "mailserver.env", "--dms-version", "13.3.1"],
      in: root, columns: 80, rows: 24, environment: environment)
    return (session, root)
  }

  @Test("a click on the '2 Relays' tab switches to Relays")
  func clickTab() throws {
    let (session, root) = try start([])
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    let screen = try session.waitFor("1 Domains 1")
    let line = screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
    let column = try #require(line.range(of: "2 Relays")).lowerBound.utf16Offset(in: line)
    try session.type(Self.report(button: 0, row: 1, column: column + 2))
    // The list header and the relay's detail pane (tmux may show a frame half drawn).
    try session.waitFor("Relay                ")
    try session.waitFor("Connects to")
  }

  @Test("--no-mouse: the same bytes do not switch the tab")
  func noMouse() throws {
    let (session, root) = try start(["--no-mouse"])
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    let screen = try session.waitFor("1 Domains 1")
    let line = screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
    let column = try #require(line.range(of: "2 Relays")).lowerBound.utf16Offset(in: line)
    try session.type(Self.report(button: 0, row: 1, column: column + 2))
    try session.press("q")
    _ = try session.waitForExit()
    #expect(!(try session.capture()).contains("Connects to"))
  }
}
