import Foundation
import Testing

/// Issue 14 fix 10: in a folder with no DMS configuration the commands say what they looked
/// for and where (exit 66), instead of previewing "no relay is configured" on a guessed version.
@Suite("A folder with no DMS configuration", .serialized)
struct WrongFolderTests {
  static func emptyFolder() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-empty-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    return root
  }

  @Test(
    "preview, route, add-domain: exit 66 naming the folder and what was looked for",
    arguments: [
      ["preview"], ["preview", "--dms-version", "14"], ["route", "--sender", "a@b.test", "--dms-version", "14"],
      ["add-domain", "a.test", "smtp.test"], ["generate", "--dms-version", "14"],
    ])
  func refused(arguments: [String]) throws {
    let root = try Self.emptyFolder()
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(arguments, in: root)
    #expect(result.status == 66)
    #expect(result.stdout == "")
    let folder = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    #expect(result.stderr.hasPrefix("dms-relay: error: no DMS configuration in '"), "\(result.stderr)")
    #expect(result.stderr.contains(folder) || result.stderr.contains(root))
    #expect(result.stderr.contains("docker-data/dms/config/, a compose file (compose.yaml"))
    #expect(result.stderr.contains("dms-relay setup"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
  }

  @Test("the suggested start works: mkdir, then setup writes a working configuration")
  func suggestedStart() throws {
    let root = try Self.emptyFolder()
    defer { CLIHarness.remove(root) }
    try FileManager.default.createDirectory(atPath: "\(root)/docker-data/dms/config", withIntermediateDirectories: true)
    let setup = try CLIHarness.run(
      [
        "setup", "--non-interactive", "--provider", "sendgrid", "--all", "--username", "apikey", "--password-stdin",
        "--dms-version", "15.1.0", "--yes", "--env-file", "mailserver.env",
      ], in: root, stdin: "pw\n")
    #expect(setup.status == 0)
    #expect(try CLIHarness.run(["preview", "--dms-version", "15.1.0"], in: root).status == 0)
  }
}

@Suite(
  "UI in a folder with no DMS configuration (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct WrongFolderUITests {
  @Test("the UI does not open on a guessed version: exit 66 with the message")
  func uiRefuses() throws {
    let root = try WrongFolderTests.emptyFolder()
    let session = try TmuxSession([EndToEnd.binary], in: root, columns: 200, rows: 20)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    #expect(try session.waitForExit() == 66)
    let screen = try session.capture()
    #expect(screen.contains("no DMS configuration in"))
    #expect(!screen.contains("DMS 15.1.0"))
  }
}
