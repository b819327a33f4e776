import Foundation
import Testing

/// `RELAY_PASSWORD__FILE` end to end: a compose file with a `secrets:` entry and the secret
/// file beside it, as an admin lays them out (spec §10).
@Suite("CLI: __FILE secrets from a compose secrets: entry")
struct FileSecretCommandTests {
  static let password = "Fi1e-Secret-77x"

  /// A checkout with `compose.yaml` (image tag `image`), `mailserver.env` and `secrets/relay_password`.
  static func checkout(image: String = "15.1.0", env extra: String = "") throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-cli-\(UUID().uuidString)").path
    let config = "\(root)/docker-data/dms/config"
    try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: "\(root)/secrets", withIntermediateDirectories: true)
    try """
    services:
      mailserver:
        image: ghcr.io/docker-mailserver/docker-mailserver:\(image)
        env_file: mailserver.env
        volumes:
          - ./docker-data/dms/config/:/tmp/docker-mailserver/
        secrets:
          - relay_password
    secrets:
      relay_password:
        file: ./secrets/relay_password
    """.write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    try """
    RELAY_HOST=smtp.relay.test
    RELAY_PORT=587
    RELAY_USER=relay-user
    RELAY_PASSWORD__FILE=/run/secrets/relay_password
    \(extra)
    """.write(toFile: "\(root)/mailserver.env", atomically: true, encoding: .utf8)
    try "\(password)\n".write(toFile: "\(root)/secrets/relay_password", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(root)/secrets/relay_password")
    try "@other.test other-user:other-pass\n".write(toFile: "\(config)/postfix-sasl-password.cf", atomically: true, encoding: .utf8)
    try "u@example.test|{X}y\n".write(toFile: "\(config)/postfix-accounts.cf", atomically: true, encoding: .utf8)
    return root
  }

  @Test("generate reads the secret on 15.1 and redacts it; --show-secrets proves it was read")
  func generate() throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    let text = try CLIHarness.run(["generate"], in: root)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("[smtp.relay.test]:587    relay-user:<redacted>"))
    let shown = try CLIHarness.run(["generate", "--show-secrets"], in: root)
    #expect(shown.stdout.contains("[smtp.relay.test]:587    relay-user:\(Self.password)\n"))
    let change = try CLIHarness.run(["generate", "--path", "change", "--show-secrets"], in: root)
    #expect(change.status == 0)
    #expect(change.stdout.contains("@other.test other-user:other-pass"))
    #expect(!change.stdout.contains("relay-user"))
  }

  @Test("no output of generate, route or preview (text or JSON) carries the secret")
  func redactedEverywhere() throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    let commands: [[String]] = [
      ["generate"], ["generate", "--json"], ["generate", "--path", "change", "--json"],
      ["route", "--sender", "u@example.test"], ["route", "--json", "--sender", "u@example.test"],
      ["preview"], ["preview", "--json"], ["compare", "--from", "15.1.0", "--to", "edge"], ["check"], ["check", "--json"],
      [
        "setup", "--non-interactive", "--provider", "custom", "--host", "smtp.relay.test", "--all", "--username", "x",
        "--password-stdin",
      ],
    ]
    for command in commands {
      let result = try CLIHarness.run(command, in: root, stdin: "other-password\n")
      #expect(result.status == 0 || result.status == 1 || result.status == 2, "\(command): \(result.stderr)")
      #expect(!result.stdout.contains(Self.password) && !result.stderr.contains(Self.password), "\(command)")
    }
    let preview = try CLIHarness.run(["preview"], in: root)
    #expect(preview.stdout.contains("vanish from sasl_passwd until the next restart"))
  }

  @Test("on 15.0.2 the variable is ignored: no env credentials, and the preview says why")
  func olderVersionIgnores() throws {
    let root = try Self.checkout(image: "15.0.2")
    defer { CLIHarness.remove(root) }
    let shown = try CLIHarness.run(["generate", "--show-secrets"], in: root)
    #expect(!shown.stdout.contains(Self.password))
    let preview = try CLIHarness.run(["preview"], in: root)
    #expect(preview.stdout.contains("DMS 15.0.2 ignores RELAY_PASSWORD__FILE"))
  }

  @Test("an empty RELAY_PASSWORD= blocks the file, as DMS's '-v' test does")
  func emptyBlocks() throws {
    let root = try Self.checkout(env: "RELAY_PASSWORD=\n")
    defer { CLIHarness.remove(root) }
    let shown = try CLIHarness.run(["generate", "--show-secrets"], in: root)
    #expect(!shown.stdout.contains(Self.password))
    let preview = try CLIHarness.run(["preview"], in: root)
    #expect(preview.stdout.contains("so DMS skips RELAY_PASSWORD__FILE"))
  }

  @Test(
    "the terminal UI names the file the password came from and never shows it, on any tab or dialog", .tags(.tmux),
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux)"))
  func terminalUI() throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    let session = try TmuxSession([EndToEnd.binary, "ui"], in: root, columns: 160, rows: 40)
    defer { session.kill() }
    var screens: [String] = []
    try session.waitFor("DMS 15.1.0")
    for (tab, header) in [("4", "Decided by"), ("1", "Relay map"), ("3", "Used by")] {
      try session.press(tab)
      screens.append(try session.waitFor(header))
    }
    try session.press("Down")
    screens.append(try session.waitFor("password from RELAY_PASSWORD__FILE"))
    try session.press("E")
    screens.append(try session.waitFor("RELAY_PASSWORD"))
    try session.press("Escape")
    try session.press("i")
    screens.append(try session.waitFor("vanish from sasl_passwd"))
    for screen in screens {
      #expect(!screen.contains(Self.password), "\(screen)")
    }
  }

  @Test("a password file others may read is warned about, naming the chmod; 0600 is quiet")
  func looseMode() throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    let quiet = try CLIHarness.run(["generate"], in: root)
    #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(root)/secrets/relay_password")
    let loose = try CLIHarness.run(["generate"], in: root)
    #expect(
      loose.stderr
        == "dms-relay: warning: secrets/relay_password holds the password RELAY_PASSWORD__FILE names but is mode 0644 (readable by others); chmod 600 'secrets/relay_password'\n"
    )
  }
}
