import Foundation
import Testing

/// `dms-relay setup --non-interactive` on temp copies of the DMS fixtures.
@Suite("setup --non-interactive")
struct SetupCommandTests {
  /// Runs setup in a fresh checkout of `fixture` with the config options spelled out.
  static func setup(
    _ fixture: String, _ args: [String], password: String? = "SG.secret-key\n"
  ) throws -> (CLIHarness.Result, String) {
    let root = try CLIHarness.checkout(of: fixture)
    let result = try CLIHarness.run(
      ["setup", "--non-interactive", "--config-dir", "docker-data/dms/config", "--env-file", "mailserver.env"] + args,
      in: root, stdin: password)
    return (result, root)
  }

  static func config(_ root: String, _ name: String) -> String? {
    CLIHarness.text("\(root)/docker-data/dms/config/\(name)")
  }

  static let sendgrid = ["--provider", "sendgrid", "--password-stdin"]

  @Test("13.3.1 dry run: steps with reasons, routing table, redacted diff, nothing written")
  func dryRunOn13() throws {
    let root = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(
      ["setup", "--non-interactive", "--domains", "example.test", "--dms-version", "13.3.1"] + Self.sendgrid,
      in: root, stdin: "SG.secret-key\n")
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("Plan for DMS 13.3.1 (v12-13): example.test via [smtp.sendgrid.net]:587 as 'apikey'; every other domain direct"))
    #expect(out.contains("1. [./mailserver.env] set RELAY_HOST='smtp.sendgrid.net'"))
    #expect(out.contains("2. [postfix-relaymap.cf] opt '@other.test' out of RELAY_HOST"))
    #expect(out.contains("3. [postfix-sasl-password.cf] credentials for relay '[smtp.sendgrid.net]:587' (user 'apikey')"))
    #expect(out.contains("example.test     via [smtp.sendgrid.net]:587 as 'apikey'  relayed via [smtp.sendgrid.net]:587 as apikey  ok"))
    #expect(out.contains("(other domains)  direct"))
    #expect(out.contains("smtp_tls_security_level = encrypt"))
    #expect(out.contains("+[smtp.sendgrid.net]:587 apikey:<redacted>"))
    #expect(out.contains("Dry run: nothing written."))
    #expect(!out.contains("SG.secret-key") && !result.stderr.contains("SG.secret-key"))
    #expect(CLIHarness.snapshot(root) == before)
  }

  @Test("13.3.1 with --yes writes env, opt-out and a 0600 credentials file, then says to recreate")
  func writeOn13() throws {
    let (result, root) = try Self.setup(
      "relay-host-with-port", ["--domains", "example.test", "--dms-version", "13.3.1", "--yes"] + Self.sendgrid)
    defer { CLIHarness.remove(root) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(CLIHarness.text("\(root)/mailserver.env") == "RELAY_HOST=smtp.sendgrid.net\nRELAY_PORT=587\n")
    #expect(Self.config(root, "postfix-relaymap.cf") == "@other.test \n")
    let sasl = "\(root)/docker-data/dms/config/postfix-sasl-password.cf"
    #expect(CLIHarness.text(sasl) == "[smtp.sendgrid.net]:587 apikey:SG.secret-key\n")
    #expect(CLIHarness.mode(sasl) == 0o600)
    #expect(CLIHarness.text("\(root)/mailserver.env.bak") == "RELAY_HOST=smtp.relay.test\nRELAY_PORT=587\n")
    #expect(result.stdout.contains("recreate the container"))
    #expect(!result.stdout.contains("SG.secret-key"))
  }

  @Test("15.1.0: relay map lines and @domain credentials only; change detection picks them up")
  func writeOn15() throws {
    let (result, root) = try Self.setup(
      "seed-relaymap-no-relayhost", ["--domains", "example.test,other.test", "--dms-version", "15.1.0", "--yes"]
        + Self.sendgrid)
    defer { CLIHarness.remove(root) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      Self.config(root, "postfix-relaymap.cf")
        == "@example.test [smtp.sendgrid.net]:587\n@other.test [smtp.sendgrid.net]:587\n")
    #expect(
      Self.config(root, "postfix-sasl-password.cf")
        == "@example.test apikey:SG.secret-key\n@other.test apikey:SG.secret-key\n")
    #expect(result.stdout.contains("picks up the changed files by itself"))
    #expect(!result.stdout.contains("Steps:\n  1. [./mailserver.env]"))
  }

  @Test("--all on 15.1.0: DEFAULT_RELAY_HOST and one relay-keyed line")
  func allOn15() throws {
    let (result, root) = try Self.setup(
      "seed-relaymap-no-relayhost", ["--all", "--dms-version", "15.1.0", "--yes"] + Self.sendgrid)
    defer { CLIHarness.remove(root) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(CLIHarness.text("\(root)/mailserver.env") == "DEFAULT_RELAY_HOST=[smtp.sendgrid.net]:587\n")
    // The fixture's own line and credentials for example.test went elsewhere: removed.
    #expect(Self.config(root, "postfix-relaymap.cf") == "")
    #expect(Self.config(root, "postfix-sasl-password.cf") == "[smtp.sendgrid.net]:587 apikey:SG.secret-key\n")
  }

  @Test("Amazon SES needs a region and builds the regional host")
  func sesRegion() throws {
    let (missing, root1) = try Self.setup(
      "seed-relaymap-no-relayhost",
      ["--all", "--dms-version", "15.1.0", "--provider", "ses", "--username", "AKIAEXAMPLE", "--password-stdin"])
    defer { CLIHarness.remove(root1) }
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("provider 'ses' needs a region (e.g. 'us-east-1')"))
    let (result, root2) = try Self.setup(
      "seed-relaymap-no-relayhost",
      ["--all", "--dms-version", "15.1.0", "--provider", "ses", "--region", "eu-central-1", "--username", "AKIAEXAMPLE",
       "--password-stdin"])
    defer { CLIHarness.remove(root2) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("set DEFAULT_RELAY_HOST='[email-smtp.eu-central-1.amazonaws.com]:587'"))
  }

  @Test("port 465 is refused (exit 64) and nothing is written")
  func port465() throws {
    let root = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(
      ["setup", "--non-interactive", "--domains", "example.test", "--port", "465", "--dms-version", "15.1.0", "--yes"]
        + Self.sendgrid, in: root, stdin: "SG.secret-key\n")
    #expect(result.status == 64)
    #expect(result.stderr.contains("port 465 of 'smtp.sendgrid.net' expects TLS from the first byte"))
    #expect(result.stderr.contains("usually 587"))
    #expect(CLIHarness.snapshot(root) == before)
  }

  @Test(
    "all but one domain: DMS cannot relay unknown senders while one domain goes direct (exit 1, nothing written)",
    arguments: ["13.3.1", "15.1.0"])
  func cannotRealise(version: String) throws {
    let root = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let args = ["setup", "--non-interactive", "--all", "--except", "other.test", "--dms-version", version, "--yes"]
    let result = try CLIHarness.run(args + Self.sendgrid, in: root, stdin: "SG.secret-key\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("DMS \(version) cannot route mail exactly as asked"))
    #expect(result.stderr.contains("no relay map value meaning 'direct'"))
    #expect(result.stderr.contains("nothing written; --accept-closest"))
    #expect(result.stdout.contains("(other domains)  via [smtp.sendgrid.net]:587 as 'apikey'"))
    #expect(result.stdout.contains("NOT AS ASKED"))
    #expect(CLIHarness.snapshot(root) == before)

    let closest = try CLIHarness.run(args + ["--accept-closest"] + Self.sendgrid, in: root, stdin: "SG.secret-key\n")
    #expect(closest.status == 0, "\(closest.stderr)")
    #expect(CLIHarness.text("\(root)/docker-data/dms/config/postfix-relaymap.cf") == "@other.test \n")
  }

  @Test("an already matching configuration: nothing to change")
  func nothingToChange() throws {
    let (first, root) = try Self.setup(
      "relay-host-with-port", ["--domains", "example.test", "--dms-version", "13.3.1", "--yes"] + Self.sendgrid)
    defer { CLIHarness.remove(root) }
    #expect(first.status == 0)
    let again = try CLIHarness.run(
      ["setup", "--non-interactive", "--domains", "example.test", "--dms-version", "13.3.1", "--yes"] + Self.sendgrid,
      in: root, stdin: "SG.secret-key\n")
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("Steps: none"))
    #expect(again.stdout.contains("Nothing to change: DMS 13.3.1 already routes mail as asked."))
  }

  @Test("usage errors name the option (exit 64)")
  func usageErrors() throws {
    let root = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(root) }
    let cases: [([String], String)] = [
      (["--domains", "example.test", "--dms-version", "15.1.0"], "--non-interactive needs --provider"),
      (["--provider", "nope", "--all", "--dms-version", "15.1.0"], "unknown provider 'nope'"),
      (["--provider", "sendgrid", "--dms-version", "15.1.0", "--password-stdin"], "--domains a.test,b.test or --all"),
      (["--provider", "sendgrid", "--all", "--domains", "a.test", "--dms-version", "15.1.0"], "either --domains or --all"),
      (["--provider", "custom", "--all", "--dms-version", "15.1.0"], "needs a relay host (--host)"),
      (["--provider", "sendgrid", "--all", "--dms-version", "15.1.0"], "provider 'sendgrid' needs a password"),
      (["--provider", "sendgrid", "--host", "x.test", "--all", "--dms-version", "15.1.0"], "--host is only for --provider custom"),
      (["--provider", "sendgrid", "--domains", "a.test", "--except", "b.test", "--dms-version", "15.1.0"], "--except goes with --all"),
      (["--provider", "sendgrid", "--domains", "@a.test", "--dms-version", "15.1.0", "--password-stdin"], "domain '@a.test'"),
    ]
    for (args, message) in cases {
      let result = try CLIHarness.run(["setup", "--non-interactive"] + args, in: root, stdin: "pw\n")
      #expect(result.status == 64, "\(args): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
    }
  }

  @Test("custom relay without credentials on 13.3.1 creates a comment-only credentials file")
  func customWithoutCredentials() throws {
    let (result, root) = try Self.setup(
      "relay-host-with-port",
      ["--domains", "example.test", "--provider", "custom", "--host", "relay.lan.test", "--port", "25",
       "--dms-version", "13.3.1", "--yes"], password: nil)
    defer { CLIHarness.remove(root) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(CLIHarness.text("\(root)/mailserver.env") == "RELAY_HOST=relay.lan.test\n")
    #expect(Self.config(root, "postfix-relaymap.cf") == "@other.test \n")
    #expect(Self.config(root, "postfix-sasl-password.cf")?.hasPrefix("# Relay credentials") == true)
    #expect(result.stdout.contains("many networks block outgoing port 25"))
  }

  @Test("without --non-interactive and without a terminal: the wizard refuses and points to --non-interactive (exit 64)")
  func interactiveNeedsTerminal() throws {
    let root = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["setup"], in: root)
    #expect(result.status == 64)
    #expect(result.stderr.contains("the setup wizard needs a terminal"))
    #expect(result.stderr.contains("dms-relay setup --non-interactive"))
  }
}

@Suite("setup --non-interactive with compose")
struct SetupComposeTests {
  @Test("version from the image tag; an inline compose variable is shown in the plan but not written (exit 78)")
  func composeInlineEnvironment() throws {
    let root = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(root) }
    let compose = """
      services:
        mailserver:
          image: ghcr.io/docker-mailserver/docker-mailserver:13.3.1
          env_file: mailserver.env
          environment:
            - RELAY_HOST=smtp.relay.test
          volumes:
            - ./docker-data/dms/config/:/tmp/docker-mailserver/

      """
    try compose.write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(
      ["setup", "--non-interactive", "--provider", "sendgrid", "--domains", "example.test", "--password-stdin", "--yes"],
      in: root, stdin: "SG.secret-key\n")
    #expect(result.status == 78)
    #expect(result.stdout.contains("Plan for DMS 13.3.1 (v12-13)"))
    #expect(result.stdout.contains("1. [./compose.yaml environment:] set RELAY_HOST='smtp.sendgrid.net'"))
    #expect(result.stderr.contains("'RELAY_HOST' is also set in the 'environment:' of ./compose.yaml"))
    #expect(CLIHarness.snapshot(root) == before)
  }
}
