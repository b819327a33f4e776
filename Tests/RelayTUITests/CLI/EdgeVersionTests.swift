import Foundation
import Testing

@testable import RelayModel

/// `--dms-version edge` wherever a version is accepted (issue 15 §4): every subcommand whose
/// help lists the option is run with it, and the image tag `edge` selects it too.
@Suite("CLI: edge everywhere a version is accepted")
struct EdgeVersionTests {
  /// What each subcommand that takes `--dms-version` is run with, its standard input, and
  /// a piece its output must show on edge.
  struct Invocation {
    var arguments: [String]
    var stdin: String? = nil
    var says: String
  }

  static let invocations: [String: Invocation] = [
    "generate": Invocation(arguments: ["generate"], says: "# DMS edge (edge), startup"),
    "route": Invocation(arguments: ["route", "--sender", "x@a.test"], says: "x@a.test: relayed via [r.test]:587 as u"),
    "preview": Invocation(arguments: ["preview"], says: "DMS edge (edge)"),
    "compare": Invocation(arguments: ["compare", "--to", "13.3.1"], says: "DMS edge (edge) → 13.3.1 (v12-13)"),
    "add-domain": Invocation(arguments: ["add-domain", "c.test", "r.test", "587", "--dry-run"], says: "routing on DMS edge:"),
    "add-auth": Invocation(arguments: ["add-auth", "c.test", "u2", "pw2", "--dry-run"], says: "routing on DMS edge"),
    "exclude-domain": Invocation(arguments: ["exclude-domain", "b.test", "--dry-run"], says: "routing on DMS edge:"),
    "del-domain": Invocation(arguments: ["del-domain", "a.test", "--dry-run"], says: "routing on DMS edge"),
    "del-auth": Invocation(arguments: ["del-auth", "a.test", "--dry-run"], says: "routing on DMS edge"),
    "include-domain": Invocation(arguments: ["include-domain", "o.test", "--dry-run"], says: "routing on DMS edge"),
    "set-env": Invocation(arguments: ["set-env", "RELAY_PORT", "2525", "--dry-run"], says: "routing on DMS edge"),
    "unset-env": Invocation(arguments: ["unset-env", "RELAY_PORT", "--dry-run"], says: "routing on DMS edge"),
    "check": Invocation(arguments: ["check", "--sender", "x@a.test"], says: "x@a.test via r.test:587"),
    "log": Invocation(arguments: ["log", "-"], stdin: "", says: "0 messages"),
    "drift": Invocation(arguments: ["drift", "--exec", "sh fake-exec.sh"], says: "read as DMS edge (edge)"),
    "setup": Invocation(
      arguments: [
        "setup", "--non-interactive", "--provider", "custom", "--host", "s.test", "--domains", "a.test",
        "--username", "u", "--password-stdin",
      ], stdin: "pw\n", says: "Plan for DMS edge (edge)"),
  ]

  /// A checkout with a relay map (one relay, one opt-out), credentials and `RELAY_HOST`, and
  /// `fake-exec.sh`, which answers `drift`'s commands as a 15.1.0 container would.
  static func checkout(compose: String? = nil) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-edge-\(UUID().uuidString)").path
    let config = "\(root)/docker-data/dms/config"
    try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    func write(_ path: String, _ text: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }
    try write("\(config)/postfix-relaymap.cf", "@a.test [r.test]:587\n@o.test \n")
    try write("\(config)/postfix-sasl-password.cf", "@a.test u:p\n")
    try write("\(config)/postfix-accounts.cf", "x@a.test|{X}y\nx@b.test|{X}y\nx@o.test|{X}y\n")
    try write("\(root)/mailserver.env", "RELAY_HOST=r.test\nRELAY_PORT=587\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(root)/mailserver.env")
    let fakeExec = """
      case "$1" in
        cat) exit 1 ;;
        postconf) echo 'relayhost =' ;;
        printenv) echo 'v15.1.0' ;;
      esac

      """
    try write("\(root)/fake-exec.sh", fakeExec)
    if let compose { try write("\(root)/compose.yaml", compose) }
    return root
  }

  /// The subcommands `dms-relay --help` lists.
  static func subcommands(in folder: String) throws -> [String] {
    let help = try CLIHarness.run(["--help"], in: folder).stdout
    guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
    return help[start.upperBound...].split(separator: "\n").compactMap { line in
      guard line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLetter else { return nil }
      return line.split(separator: " ").first.map(String.init)
    }
  }

  @Test("every subcommand that accepts --dms-version runs with 'edge' and says so")
  func everySubcommand() throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    let names = try Self.subcommands(in: root)
    #expect(names.count >= 15, "\(names)")
    var covered: [String] = []
    for name in names {
      let help = try CLIHarness.run(["help", name], in: root).stdout
      guard help.contains("--dms-version") else { continue }
      if name == "ui" { continue }  // needs a terminal: `terminalUI` below runs it in tmux
      guard let invocation = Self.invocations[name] else {
        Issue.record("'\(name)' accepts --dms-version but this test does not run it")
        continue
      }
      covered.append(name)
      let result = try CLIHarness.run(invocation.arguments + ["--dms-version", "edge"], in: root, stdin: invocation.stdin)
      let output = result.stdout + result.stderr
      #expect(!output.contains("is not a DMS version"), "\(name): \(output)")
      #expect(output.contains(invocation.says), "\(name) (exit \(result.status)): \(output)")
      #expect(result.status != 64, "\(name): usage error \(result.stderr)")
    }
    #expect(Set(covered) == Set(Self.invocations.keys))
  }

  @Test("compose 'image: …:edge' selects edge without --dms-version; 'EDGE' is edge too")
  func imageTag() throws {
    let compose = """
      services:
        mailserver:
          image: ghcr.io/docker-mailserver/docker-mailserver:edge
          env_file: mailserver.env
          volumes:
            - ./docker-data/dms/config/:/tmp/docker-mailserver/
      """
    let root = try Self.checkout(compose: compose)
    defer { CLIHarness.remove(root) }
    #expect(try CLIHarness.run(["generate"], in: root).stdout.hasPrefix("# DMS edge (edge), startup"))
    #expect(try CLIHarness.run(["preview", "--dms-version", "EDGE"], in: root).stdout.hasPrefix("DMS edge (edge)"))
    let compare = try CLIHarness.run(["compare", "--from", "15.1.0"], in: root)
    #expect(compare.stdout.contains("DMS 15.1.0 (v14+) → edge (edge)"), "\(compare.stdout)\(compare.stderr)")
  }

  @Test("the TUI's version choices and the wizard offer edge")
  func choices() throws {
    #expect(VersionChoices(detected: try DMSVersion.parse("13.3.1")).versions.map(\.name).contains("edge"))
    let loaded = LoadedConfiguration(configuration: Configuration(), configDirectory: nil, version: try DMSVersion.parse("edge"))
    let wizard = WizardState(loaded: loaded, size: Size(rows: 30, columns: 100))
    #expect(wizard.versionChoices.first?.name == "edge")
    #expect(wizard.versionChoices.filter { $0.name == "edge" }.count == 1)
  }

  @Test(
    "the terminal UI opens on edge", .tags(.tmux),
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux)"))
  func terminalUI() throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    let session = try TmuxSession([EndToEnd.binary, "ui", "--dms-version", "edge"], in: root)
    defer { session.kill() }
    try session.waitFor("DMS edge (edge)")
    try session.waitFor("Route on edge")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test(
    "edit commands under ACCOUNT_PROVISIONER=LDAP say the relay file change takes effect at the next restart",
    arguments: ["13.3.1", "15.1.0", "edge"])
  func provisionerRestartNote(version: String) throws {
    let root = try Self.checkout()
    defer { CLIHarness.remove(root) }
    try "RELAY_HOST=r.test\nRELAY_PORT=587\nACCOUNT_PROVISIONER=LDAP\n".write(
      toFile: "\(root)/mailserver.env", atomically: true, encoding: .utf8)
    let note = "note: With ACCOUNT_PROVISIONER=LDAP, DMS \(version)"
    let dry = try CLIHarness.run(["add-domain", "c.test", "r.test", "587", "--dry-run", "--dms-version", version], in: root)
    #expect(dry.stdout.contains(note) && dry.stdout.contains("takes effect at the next restart"), "\(dry.stdout)")
    let written = try CLIHarness.run(["del-auth", "a.test", "--dms-version", version], in: root)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(written.stdout.contains(note) && written.stdout.contains("takes effect at the next restart"), "\(written.stdout)")
    let envOnly = try CLIHarness.run(["set-env", "RELAY_PORT", "2525", "--dms-version", version], in: root)
    #expect(!envOnly.stdout.contains("next restart"))
    try "RELAY_HOST=r.test\n".write(toFile: "\(root)/mailserver.env", atomically: true, encoding: .utf8)
    let file = try CLIHarness.run(["add-domain", "d.test", "r.test", "587", "--dms-version", version], in: root)
    #expect(file.status == 0 && !file.stdout.contains("next restart"), "\(file.stdout)")
  }
}
