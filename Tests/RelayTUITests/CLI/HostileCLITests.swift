import Foundation
import Testing

/// Issue 11 at the command line: each of the trial's findings, reproduced as the issue gives
/// it, on a temp DMS checkout.
@Suite("Edit commands under hostile input and concurrent runs", .serialized)
struct HostileCLITests {
  let config = "docker-data/dms/config"

  /// Runs the binary with raw bytes on stdin (NUL, invalid UTF-8), killed after 20 s so a
  /// regression to a hang fails the test instead of blocking the suite.
  func run(_ args: [String], in folder: String, stdinBytes: [UInt8]) throws -> CLIHarness.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    process.arguments = ["--wait", "/usr/bin/timeout", "-s", "KILL", "20", CLIHarness.binary] + args
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(stdinBytes))
    try input.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIHarness.Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func emptyCheckout() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-hostile-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: "\(root)/\(config)", withIntermediateDirectories: true)
    return root
  }

  @Test("§1 20 pairs of concurrent add-domain runs leave all 40 lines")
  func concurrentAddDomain() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    let script = """
      for i in $(seq 20); do "$B" add-domain p${i}a.test r.test >/dev/null & "$B" add-domain p${i}b.test r.test >/dev/null & wait; done
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = ["B": CLIHarness.binary, "PATH": "/usr/bin:/bin"]
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    try process.run()
    process.waitUntilExit()
    let lines = CLIHarness.text("\(root)/\(config)/postfix-relaymap.cf")?.split(separator: "\n") ?? []
    #expect(lines.count == 40)
    #expect(Set(lines).count == 40)
  }

  @Test("§2 the unchanged-credentials note never prints the password (with and without --dry-run)")
  func unchangedCredentials() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try "# c\n@a.test user1:S3cretPW1\n".write(toFile: "\(root)/\(config)/postfix-sasl-password.cf", atomically: true, encoding: .utf8)
    for extra in [[], ["--dry-run"]] {
      let result = try CLIHarness.run(["add-auth", "a.test", "user1", "--password-stdin"] + extra, in: root, stdin: "S3cretPW1\n")
      #expect(result.status == 0)
      #expect(result.stdout.contains("already '@a.test user1:<redacted>'"))
      #expect(!(result.stdout + result.stderr).contains("S3cret"))
    }
  }

  @Test("§3 a password starting with '-' is never echoed by a parse error")
  func dashPassword() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    for args in [
      ["add-auth", "a.test", "user1", "-S3cretX9"], ["add-auth", "a.test", "user1", "--S3cretX9"],
      ["add-auth", "a.test", "user1", "S3cretX9", "S3cretY9"], ["add-auth", "a.test", "user1", "-S3cretX9", "--dry-run"], ["set-env", "RELAY_PASSWORD", "-S3cretX9"],
    ] {
      let result = try CLIHarness.run(args, in: root)
      #expect(result.status == 64)
      #expect(!(result.stdout + result.stderr).contains("S3cret"), "\(args)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
  }

  @Test("§4 generate and del-auth --dry-run never show a continuation line's password")
  func continuationLines() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try "@a.test user1:\n  ContS3cret1\n@h.test:user:KeyS3cret7\n@b.test u:pw\n"
      .write(toFile: "\(root)/\(config)/postfix-sasl-password.cf", atomically: true, encoding: .utf8)
    for args in [
      ["generate", "--dms-version", "15"], ["generate", "--dms-version", "13", "--json"],
      ["generate", "--dms-version", "11", "--path", "change"], ["preview", "--dms-version", "15"],
      ["preview", "--dms-version", "13", "--json"], ["del-auth", "a.test", "--dry-run"],
    ] {
      let result = try CLIHarness.run(args, in: root)
      #expect(!(result.stdout + result.stderr).contains("S3cret"), "\(args)")
    }
  }

  @Test("§5 --password-stdin refuses NUL, invalid UTF-8 and a second line; writes the bytes exactly otherwise")
  func passwordBytes() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    let sasl = "\(root)/\(config)/postfix-sasl-password.cf"
    for bytes: [UInt8] in [[0x70, 0x00, 0x77, 0x0A], [0x70, 0xFF, 0x77, 0x0A], Array("pw\nmore\n".utf8)] {
      let result = try run(["add-auth", "a.test", "u", "--password-stdin"], in: root, stdinBytes: bytes)
      #expect(result.status == 65, "\(bytes)")
      #expect(result.stderr.hasPrefix("dms-relay: error: "))
      #expect(!FileManager.default.fileExists(atPath: sasl))
    }
    let result = try run(["add-auth", "a.test", "u", "--password-stdin"], in: root, stdinBytes: Array("pä ß€w\n".utf8))
    #expect(result.status == 0)
    #expect(CLIHarness.text(sasl) == "@a.test u:pä ß€w\n")
  }

  @Test("§6 §7 a FIFO or /dev/zero as env or compose file is refused at once (exit 65), naming the path")
  func fifoAndDevZero() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    #expect(mkfifo("\(root)/fifo.env", 0o600) == 0)
    for args in [
      ["preview", "--dms-version", "15", "--env-file", "fifo.env"], ["set-env", "RELAY_HOST", "h", "--env-file", "/dev/zero"],
      ["generate", "--dms-version", "15", "--compose-file", "fifo.env"], ["add-domain", "a.test", "r.test", "--env-file", "/dev/zero"],
    ] {
      let start = Date()
      let result = try run(args, in: root, stdinBytes: [])
      #expect(Date().timeIntervalSince(start) < 10)
      #expect(result.status == 65, "\(args)")
      #expect(result.stderr.contains("is not a regular file"), "\(result.stderr)")
    }
    try """
    services:
      mailserver:
        image: mailserver/docker-mailserver:15
        env_file: /dev/zero
    """.write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    let result = try CLIHarness.run(["preview"], in: root)
    #expect(result.status == 65)
    #expect(result.stderr == "dms-relay: error: '/dev/zero' is not a regular file (it is a character device); refusing to read it\n")
  }

  @Test("§7 a 5 MB compose file is refused with its size limit")
  func absurdCompose() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try Data(repeating: UInt8(ascii: "#"), count: 5 << 20).write(to: URL(fileURLWithPath: "\(root)/compose.yaml"))
    let result = try CLIHarness.run(["preview"], in: root)
    #expect(result.status == 65)
    #expect(result.stderr.contains("'./compose.yaml' is larger than 4 MB"))
  }

  @Test("§8 set-env refuses to write into compose.yaml or a .cf file named by env_file")
  func setEnvIntoCompose() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    for target in ["compose.yaml", "\(config)/postfix-relaymap.cf"] {
      let compose = """
        services:
          mailserver:
            image: mailserver/docker-mailserver:15
            env_file: \(target)

        """
      try compose.write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
      try "@a.test [r.test]:25\n".write(toFile: "\(root)/\(config)/postfix-relaymap.cf", atomically: true, encoding: .utf8)
      let before = CLIHarness.snapshot(root)
      let result = try CLIHarness.run(["set-env", "RELAY_HOST", "relay.test"], in: root)
      #expect(result.status == 78, "\(result.stderr)")
      #expect(result.stderr.contains("is not an env file"))
      #expect(CLIHarness.snapshot(root) == before)
    }
  }

  @Test("§9 unset-env whose second backup cannot be written restores both env files at 0600")
  func rollbackMode() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try """
    services:
      mailserver:
        image: mailserver/docker-mailserver:15
        env_file: [a.env, b.env]

    """.write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    for name in ["a.env", "b.env"] {
      try "RELAY_PASSWORD=pw-\(name)\n".write(toFile: "\(root)/\(name)", atomically: true, encoding: .utf8)
      chmod("\(root)/\(name)", 0o600)
    }
    try FileManager.default.createDirectory(atPath: "\(root)/b.env.bak/keep", withIntermediateDirectories: true)
    let result = try CLIHarness.run(["unset-env", "RELAY_PASSWORD"], in: root)
    #expect(result.status != 0)
    for name in ["a.env", "b.env"] {
      #expect(CLIHarness.text("\(root)/\(name)") == "RELAY_PASSWORD=pw-\(name)\n")
      #expect(CLIHarness.mode("\(root)/\(name)") == 0o600, "\(name)")
    }
  }

  @Test("§10 an edit through a symbolic link changes the target, keeps the link and says so")
  func symlink() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try "@o.test [o.test]:25\n".write(toFile: "\(root)/real-map.cf", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: "\(root)/\(config)/postfix-relaymap.cf", withDestinationPath: "../../../real-map.cf")
    let result = try CLIHarness.run(["add-domain", "a.test", "r.test"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout.contains("through the symbolic link to"))
    #expect(CLIHarness.text("\(root)/real-map.cf") == "@o.test [o.test]:25\n@a.test [r.test]:25\n")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: "\(root)/\(config)/postfix-relaymap.cf")) == "../../../real-map.cf")
    try FileManager.default.removeItem(atPath: "\(root)/real-map.cf")
    let dangling = try CLIHarness.run(["add-domain", "a.test", "r.test"], in: root)
    #expect(dangling.status == 65)
    #expect(dangling.stderr.contains("is a symbolic link to '../../../real-map.cf', which does not exist"))
  }

  @Test("§11 a temp left by a killed write is removed by the next write, which says so")
  func staleTemp() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try "half".write(toFile: "\(root)/\(config)/.postfix-relaymap.cf.dms-relay-Xy12Zz", atomically: true, encoding: .utf8)
    let result = try CLIHarness.run(["add-domain", "a.test", "r.test"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout.contains(".postfix-relaymap.cf.dms-relay-Xy12Zz', a temp file left by a dms-relay write that was interrupted"))
    #expect(!FileManager.default.fileExists(atPath: "\(root)/\(config)/.postfix-relaymap.cf.dms-relay-Xy12Zz"))
  }

  @Test("§12 echoed input cannot add a line or move the cursor; an empty domain is named")
  func spoofing() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    let newline = try CLIHarness.run(["add-domain", "a.test\ndms-relay: wrote everything", "r.test"], in: root)
    #expect(newline.status == 64)
    #expect(newline.stderr.split(separator: "\n").count == 1)
    #expect(newline.stderr.contains("a.test\\ndms-relay: wrote everything"))
    let cr = try CLIHarness.run(["del-domain", "a.test\r"], in: root)
    #expect(!cr.stderr.contains("\r") && cr.stderr.contains("a.test\\r"))
    let empty = try CLIHarness.run(["add-domain", ""], in: root)
    #expect(empty.status == 64)
    #expect(empty.stderr == "dms-relay: error: the domain is empty (see 'dms-relay add-domain --help')\n")
    let missing = try CLIHarness.run(["add-domain", "a.test"], in: root)
    #expect(missing.stderr == "dms-relay: error: missing expected argument '<host>' (see 'dms-relay add-domain --help')\n")
  }

  @Test("§13 compose without env_file or inline entry: says there is no env file and how to add one")
  func composeWithoutEnvFile() throws {
    let root = try emptyCheckout()
    defer { CLIHarness.remove(root) }
    try "services:\n  mailserver:\n    image: mailserver/docker-mailserver:15\n"
      .write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    let result = try CLIHarness.run(["set-env", "RELAY_HOST", "relay.test"], in: root)
    #expect(result.status == 78)
    #expect(!result.stderr.contains("inline"))
    #expect(result.stderr.contains("has no env_file:; add 'env_file: mailserver.env'"))
  }
}
