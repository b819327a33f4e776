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
