import Foundation
import Testing

/// `dms-relay setup` (the wizard) in tmux on a temp copy of `relay-host-with-port`:
/// RELAY_HOST without credentials on 13.3.1, so no mail leaves until the wizard fixes it.
@Suite(
  "Setup wizard end to end (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the wizard's end-to-end test"))
struct WizardEndToEndTests {
  let config = "docker-data/dms/config"

  /// Prints the binary's own status: `TmuxSession`'s exit marker runs after an `echo`, so
  /// its `$?` is that echo's.
  static let statusMarker = "wizard exited with "

  func start(_ root: String) throws -> TmuxSession {
    let script = "\"$0\" \"$@\"; echo \"\(Self.statusMarker)$?\""
    return try TmuxSession(
      ["sh", "-c", script, EndToEnd.binary, "setup", "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", "13.3.1"],
      in: root, columns: 80, rows: 24)
  }

  /// Waits for the binary to exit; returns its status.
  func exitStatus(_ session: TmuxSession) throws -> Int32? {
    let screen = try session.waitFor(Self.statusMarker)
    guard let line = screen.split(separator: "\n").last(where: { $0.hasPrefix(Self.statusMarker) }) else { return nil }
    return Int32(line.dropFirst(Self.statusMarker.count).trimmingCharacters(in: .whitespaces))
  }

  @Test("all mail through SendGrid: walk, type the password, write; credentials 0600 and mail relayed")
  func allMailThroughSendGrid() throws {
    let root = try EndToEnd.checkout(of: "relay-host-with-port")
    let session = try start(root)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    let before = try preview(root)
    #expect(before.contains("error"))

    try session.waitFor("Step 1 of 7 · Config folder and environment")
    try session.waitFor("Sender domains 2: example.test, other.test")
    try session.press("Enter")
    try session.waitFor("(detected: --dms-version)")
    try session.press("Enter")
    try session.waitFor("All mail through one relay")
    try session.press("Enter")
    try session.waitFor("User: the user name is 'apikey'")
    try session.press("Enter")
    try session.waitFor("Step 5 of 7 · Credentials")
    try session.press("Enter")
    try session.waitFor("enter the password: an API key")
    try session.type("SG.e2e-secret")
    try session.waitFor("Password   •••••••••••••")
    try session.press("Enter")
    try session.waitFor("Step 6 of 7 · The plan")
    let plan = try session.waitFor("example.test     relayed via [smtp.sendgrid.net]:587 as apikey  ok")
    #expect(!plan.contains("SG.e2e-secret"))
    try session.press("Enter")
    try session.waitFor("Write 2 file(s)?")
    try session.press("y")
    try session.waitFor("Step 7 of 7 · Done")
    try session.waitFor("recreate the container")
    #expect(EndToEnd.read("\(root)/\(config)/postfix-sasl-password.cf") == "[smtp.sendgrid.net]:587 apikey:SG.e2e-secret\n")
    try session.press("Enter")
    #expect(try exitStatus(session) == 0)
    let screen = try session.capture()
    #expect(screen.contains("created ./docker-data/dms/config/postfix-sasl-password.cf") || screen.contains("created docker-data/dms/config/postfix-sasl-password.cf"))

    let sasl = "\(root)/\(config)/postfix-sasl-password.cf"
    let mode = (try FileManager.default.attributesOfItem(atPath: sasl))[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let env = try #require(EndToEnd.read("\(root)/mailserver.env"))
    #expect(env.contains("RELAY_HOST=smtp.sendgrid.net\n"))
    #expect(env.contains("DEFAULT_RELAY_HOST=[smtp.sendgrid.net]:587\n"))
    #expect(!env.contains("SG.e2e-secret"))

    let after = try preview(root)
    #expect(after.contains("@example.test  relayed  [smtp.sendgrid.net]:587  apikey"))
    #expect(after.contains("@other.test    relayed  [smtp.sendgrid.net]:587  apikey"))
    #expect(!after.contains("deferred"))
  }

  @Test("Esc, y: leaves with status 1 and writes nothing")
  func abandon() throws {
    let root = try EndToEnd.checkout(of: "relay-host-with-port")
    let session = try start(root)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    let env = EndToEnd.read("\(root)/mailserver.env")
    try session.waitFor("Step 1 of 7")
    try session.press("Enter")
    try session.waitFor("Step 2 of 7")
    try session.press("Escape")
    try session.waitFor("Leave the setup?")
    try session.press("y")
    #expect(try exitStatus(session) == 1)
    #expect(try session.capture().contains("setup abandoned; nothing was written"))
    #expect(EndToEnd.read("\(root)/mailserver.env") == env)
    #expect(!FileManager.default.fileExists(atPath: "\(root)/\(config)/postfix-sasl-password.cf"))
  }

  /// `dms-relay` (the UI) on a checkout with no relay at all, so the wizard is offered first.
  func startUI(_ root: String) throws -> TmuxSession {
    try "ONE=1\n".write(toFile: "\(root)/mailserver.env", atomically: true, encoding: .utf8)
    let script = "\"$0\" \"$@\"; echo \"\(Self.statusMarker)$?\""
    return try TmuxSession(
      ["sh", "-c", script, EndToEnd.binary, "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", "13.3.1"],
      in: root, columns: 80, rows: 24)
  }

  @Test("first start without a relay: n declines the offer and the screens open")
  func offerDeclined() throws {
    let root = try EndToEnd.checkout(of: "relay-host-with-port")
    let session = try startUI(root)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("No relay is configured. Run the setup wizard? (y/n)")
    try session.waitFor("y  Run the wizard")
    try session.press("n")
    try session.waitFor("1 Domains 2")
    try session.press("q")
    #expect(try exitStatus(session) == 0)
    #expect(EndToEnd.read("\(root)/mailserver.env") == "ONE=1\n")
  }

  @Test("first start: the wizard writes, then the screens open on the files read again, in the same session")
  func offerAcceptedThenUI() throws {
    let root = try EndToEnd.checkout(of: "relay-host-with-port")
    let session = try startUI(root)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("Run the setup wizard? (y/n)")
    try session.press("y")
    try session.waitFor("Step 1 of 7 · Config folder and environment")
    try session.press("Enter")
    try session.waitFor("Step 2 of 7")
    try session.press("Enter")
    try session.waitFor("Step 3 of 7")
    try session.press("Enter")
    try session.waitFor("Step 4 of 7")
    try session.press("Enter")
    try session.waitFor("Step 5 of 7 · Credentials")
    try session.type("SG.first-start")
    try session.press("Enter")
    try session.waitFor("Step 6 of 7 · The plan")
    try session.press("Enter")
    try session.waitFor("Write 2 file(s)?")
    try session.press("y")
    try session.waitFor("Step 7 of 7 · Done")
    try session.press("Enter")
    // The UI, on what the wizard wrote: the relay from the env file and its credentials.
    try session.waitFor("1 Domains 2")
    try session.press("2")
    try session.waitFor("[smtp.sendgrid.net]:587")
    try session.press("q")
    #expect(try exitStatus(session) == 0)
    let screen = try session.capture()
    #expect(screen.contains("docker-data/dms/config/postfix-sasl-password.cf"))
    #expect(EndToEnd.read("\(root)/\(config)/postfix-sasl-password.cf") == "[smtp.sendgrid.net]:587 apikey:SG.first-start\n")
  }

  /// `dms-relay preview` on the checkout (no terminal needed).
  func preview(_ root: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: EndToEnd.binary)
    process.arguments = ["preview", "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", "13.3.1"]
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-preview-\(UUID().uuidString)").path
    FileManager.default.createFile(atPath: output, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: output) }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return EndToEnd.read(output) ?? ""
  }
}
