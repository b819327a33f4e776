import Foundation
import Testing

@Suite("Edit commands on a DMS checkout: output, files and sysexits codes", .serialized)
struct EditCommandTests {
  let config = "docker-data/dms/config"

  @Test("add-domain writes the entry, reports the file and its backup")
  func addDomain() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["add-domain", "example.test", "smtp.relay.test", "587"], in: root)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("wrote ./\(config)/postfix-relaymap.cf (previous version: ./\(config)/postfix-relaymap.cf.bak)\n"))
    // The routing change follows the receipt (issue 14 fix 2); example.test already went that way.
    #expect(result.stdout.hasSuffix("routing on DMS 15.1.0 (no DMS version detected; --dms-version VERSION previews yours): no sender's route changes\n"))
    #expect(CLIHarness.text("\(root)/\(config)/postfix-relaymap.cf")
      == "@other.test [smtp.other.test]:2525\n@example.test [smtp.relay.test]:587\n")
    #expect(CLIHarness.text("\(root)/\(config)/postfix-relaymap.cf.bak") == "@other.test [smtp.other.test]:2525\n")
  }

  @Test("--dry-run prints the diff and writes nothing")
  func dryRun() throws {
    let root = try CLIHarness.checkout(of: "missing-final-newline")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(["exclude-domain", "other.test", "--dry-run"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout == """
      note: postfix-relaymap.cf:1: the last line had no final newline; added one before appending (DMS's 'echo >>' would glue the new entry onto it)
      --- a/postfix-relaymap.cf
      +++ b/postfix-relaymap.cf
      @@ -1 +1,2 @@
      -@example.test [smtp.relay.test]:587
      \\ No newline at end of file
      +@example.test [smtp.relay.test]:587
      +@other.test 
      routing on DMS 15.1.0 (no DMS version detected; --dms-version VERSION previews yours):
        @example.test: error: the next hop '[smtp.relay.test]:587@other.test' cannot be parsed ('587@other.test' is not a port number or a service in known_tcp_ports): Postfix's smtp process dies, the mail stays queued and other mail is throttled too → relayed via [smtp.relay.test]:587 as relay-user
        fixed: [missing-final-newline] the file has no final newline, so DMS glues the first generated entry onto this line and both entries break
        fixed: [unused-credentials] these credentials are never used: no known sender matches '@example.test'
        new warning: [null-sender-direct] bounces, DSNs and vacation replies (sender '<>') go direct to the recipient's MX while other mail is relayed: Postfix looks the null sender up in the relay map only as '<>', and no relayhost is set
      dry run: nothing written

      """)
    #expect(CLIHarness.snapshot(root) == before)
  }

  @Test("add-auth --password-stdin: 0600 file, password never printed unless --show-secrets")
  func addAuthStdin() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let sasl = "\(root)/\(config)/postfix-sasl-password.cf"
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: sasl)
    let dry = try CLIHarness.run(["add-auth", "example.test", "new-user", "--password-stdin", "--dry-run"], in: root, stdin: "s3cret/&pw\n")
    #expect(dry.status == 0)
    #expect(dry.stdout.contains("-@example.test example-user:<redacted>\n+@example.test new-user:<redacted>   (password changed)\n"))
    #expect(!dry.stdout.contains("s3cret") && !dry.stdout.contains("example-pass"))
    let shown = try CLIHarness.run(["add-auth", "example.test", "new-user", "--password-stdin", "--dry-run", "--show-secrets"], in: root, stdin: "s3cret/&pw\n")
    #expect(shown.stdout.contains("+@example.test new-user:s3cret/&pw\n"))
    let real = try CLIHarness.run(["add-auth", "example.test", "new-user", "--password-stdin"], in: root, stdin: "s3cret/&pw\r\n")
    #expect(real.status == 0)
    #expect(!real.stdout.contains("s3cret"))
    #expect(CLIHarness.text(sasl) == "@example.test new-user:s3cret/&pw\n[smtp.other.test]:2525 other-user:other-pass\n")
    #expect(CLIHarness.mode(sasl) == 0o600)
    #expect(CLIHarness.mode(sasl + ".bak") == 0o600)
  }

  @Test("add-auth without a password and without a terminal says how to give one")
  func addAuthNoTerminal() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(["add-auth", "example.test", "u"], in: root)
    #expect(result.status == 64)
    #expect(result.stderr == "dms-relay: error: no password given and no terminal to ask on; pass it as an argument or with --password-stdin\n")
    #expect(CLIHarness.snapshot(root) == before)
  }

  static let badInputs: [([String], Int32, String)] = [
    (["add-domain", "bad_domain", "h"], 64,
     "domain 'bad_domain' contains '_'; only letters, digits, '-' and '.' are allowed"),
    (["add-domain", "a.test", "[h.test]"], 64,
     "host '[h.test]' must be given without brackets; dms-relay writes '[HOST]:PORT' itself"),
    (["add-domain", "a.test", "h.test", "0"], 64, "port '0' is out of range (expected 1-65535)"),
    (["add-domain", "a.test", "h.test", "65536"], 64, "port '65536' is out of range (expected 1-65535)"),
    (["add-domain", "a.test", "h.test", "abc"], 64, "port 'abc' is not a number (expected 1-65535)"),
    (["add-auth", "a.test", "bad user", "pw"], 64, "user 'bad user' must not contain whitespace or control characters"),
    (["add-auth", "a.test", "bad:user", "pw"], 64, "user 'bad:user' must not contain ':'; Postfix splits 'user:password' at the first ':'"),
    (["add-auth", "a.test", "u", "pw\nx"], 64, "password must not contain a line break"),
    (["set-env", "PERMIT_DOCKER", "network"], 64,
     "variable name 'PERMIT_DOCKER' is not a relay variable (expected one of RELAY_HOST, RELAY_PORT, RELAY_USER, RELAY_PASSWORD, DEFAULT_RELAY_HOST, SASL_PASSWD, ACCOUNT_PROVISIONER, DOMAINNAME, OVERRIDE_HOSTNAME, ENABLE_SRS, SRS_EXCLUDE_DOMAINS)"),
    (["del-domain", "nothere.test"], 65, "postfix-relaymap.cf: nothing to remove: no line starts with '@nothere.test'"),
    (["include-domain", "other.test"], 65, "postfix-relaymap.cf: nothing to remove: '@other.test' is not opted out"),
    (["add-domain", "a.test", "h", "--config-dir", "missing"], 66, "config folder 'missing' does not exist"),
    (["add-domain", "a.test", "h", "--dms-version", "10.1"], 64,
     "DMS version '10.1' is older than 11.0.0, which this tool does not model; upgrade DMS or pass --dms-version with 11 or newer"),
    (["add-domain", "a.test", "h", "--dms-version", "banana"], 64,
     "'banana' is not a DMS version (expected e.g. 13.3.1, 14, 15.1, edge or latest)"),
  ]

  @Test("bad input: one error line, the sysexits code, nothing changed", arguments: badInputs)
  func badInput(_ args: [String], _ code: Int32, _ message: String) throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(args, in: root)
    #expect(result.status == code)
    #expect(result.stderr == "dms-relay: error: \(message)\n")
    #expect(result.stdout == "")
    #expect(CLIHarness.snapshot(root) == before)
  }

  @Test("a key spelled in another case is refused (65) naming file and line")
  func otherCase() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["add-domain", "OTHER.test", "h.test"], in: root)
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("dms-relay: error: postfix-relaymap.cf:1: the file has '@other.test', which DMS treats as '@OTHER.test'"))
  }

  @Test("the same entry again: nothing to change, exit 0, no backup")
  func noOp() throws {
    let root = try CLIHarness.checkout(of: "optout-trailing-space")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["exclude-domain", "excluded.test"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout == "note: postfix-relaymap.cf:1: already '@excluded.test '; nothing to change\nnothing to change\n")
    #expect(!FileManager.default.fileExists(atPath: "\(root)/\(config)/postfix-relaymap.cf.bak"))
  }

  @Test("include-domain then del-domain on a CRLF file keep the other lines' CRLF")
  func crlf() throws {
    let root = try CLIHarness.checkout(of: "crlf-relaymap")
    defer { CLIHarness.remove(root) }
    #expect(try CLIHarness.run(["include-domain", "excluded.test"], in: root).status == 0)
    #expect(try CLIHarness.run(["del-domain", "example.test"], in: root).status == 0)
    #expect(CLIHarness.text("\(root)/\(config)/postfix-relaymap.cf") == "# comment\r\n\r\n")
  }

  @Test("set-env and unset-env edit mailserver.env; the password is redacted in dry runs")
  func env() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let dry = try CLIHarness.run(["set-env", "RELAY_PASSWORD", "n3w", "--dry-run"], in: root)
    #expect(dry.stdout.contains("-RELAY_PASSWORD=<redacted>\n+RELAY_PASSWORD=<redacted>   (password changed)\n"))
    #expect(!dry.stdout.contains("n3w") && !dry.stdout.contains("relay-pass"))
    let set = try CLIHarness.run(["set-env", "RELAY_PORT", "2525"], in: root)
    #expect(set.status == 0)
    #expect(set.stdout.hasPrefix("wrote ./mailserver.env (previous version: ./mailserver.env.bak)\n"))
    #expect(set.stdout.contains("  @example.test: relayed via [smtp.relay.test]:587 as example-user → relayed via [smtp.relay.test]:2525 as example-user\n"))
    let unset = try CLIHarness.run(["unset-env", "RELAY_USER"], in: root)
    #expect(unset.stdout == "note: mailserver.env: removed lines 3\n" || unset.stdout.hasPrefix("note: mailserver.env:3: removed this line\n"))
    #expect(CLIHarness.text("\(root)/mailserver.env") == "RELAY_HOST=smtp.relay.test\nRELAY_PORT=2525\nRELAY_PASSWORD=relay-pass\n")
  }

  @Test("set-env of a variable set inline in compose: exit 78 with a pointer to the compose file")
  func composeInline() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    try "services:\n  mailserver:\n    image: mailserver/docker-mailserver:13.3.1\n    environment:\n      RELAY_HOST: smtp.test\n"
      .write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    let result = try CLIHarness.run(["set-env", "RELAY_HOST", "x"], in: root)
    #expect(result.status == 78)
    #expect(result.stderr == "dms-relay: error: 'RELAY_HOST' is set inline in ./compose.yaml (service 'mailserver'); dms-relay does not rewrite compose files. Move the environment to an env_file, or edit it by hand\n")
  }

  @Test("an unreadable config file: exit 77", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0))
  func unreadable() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root)
    let sasl = "\(root)/\(config)/postfix-sasl-password.cf"
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: sasl)
    let result = try CLIHarness.run(["add-domain", "a.test", "h.test"], in: root, asNobody: true)
    #expect(result.status == 77)
    #expect(result.stderr == "dms-relay: error: permission denied reading './\(config)/postfix-sasl-password.cf'\n")
  }

  @Test("a config folder without write permission: exit 77, nothing changed", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") && getuid() == 0))
  func notWritable() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root)
    // Readable by nobody (and so warned about: it holds a password).
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(root)/mailserver.env")
    let before = CLIHarness.snapshot(root)
    let result = try CLIHarness.run(["add-domain", "a.test", "h.test"], in: root, asNobody: true)
    #expect(result.status == 77)
    // The write lock beside the file is the first thing it cannot create.
    #expect(result.stderr.hasSuffix("dms-relay: error: permission denied writing './\(config)/postfix-relaymap.cf'; nothing was written\n"))
    #expect(CLIHarness.snapshot(root) == before)
  }

  @Test("help lists every edit command")
  func help() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["--help"], in: root)
    for name in ["add-domain", "add-auth", "exclude-domain", "del-domain", "del-auth", "include-domain", "set-env", "unset-env"] {
      #expect(result.stdout.contains(name), "\(name) missing from help")
    }
  }
}

/// Issue 14 fix 2: every edit command shows the routing change it causes.
@Suite("Edit commands report their routing change", .serialized)
struct EditRoutingReportTests {
  @Test("unset-env RELAY_HOST on a working 13.3.1 setup: senders, new errors and a warning")
  func unsetRelayHost() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let before = try CLIHarness.run(["preview", "--dms-version", "13.3.1"], in: root)
    #expect(before.status == 0)
    for dry in [true, false] {
      let result = try CLIHarness.run(["unset-env", "RELAY_HOST", "--dms-version", "13.3.1"] + (dry ? ["--dry-run"] : []), in: root)
      #expect(result.status == 0)
      #expect(result.stdout.contains("routing on DMS 13.3.1:\n"))
      #expect(result.stdout.contains("  @example.test: relayed via [smtp.relay.test]:587 as example-user"))
      #expect(result.stdout.contains("  new error: [relay-map-ignored]"))
      #expect(result.stderr.contains("dms-relay: warning: this change adds 2 error(s) on DMS 13.3.1"), "\(result.stderr)")
    }
    let after = try CLIHarness.run(["preview", "--dms-version", "13.3.1"], in: root)
    #expect(after.status == 1)
  }

  @Test("an edit that fixes: diagnostics fixed, no warning")
  func fixing() throws {
    let root = try CLIHarness.checkout(of: "missing-final-newline")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["exclude-domain", "other.test", "--dms-version", "14"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout.contains("  fixed: [missing-final-newline]"))
    #expect(result.stderr == "")
  }
}

/// Issue 14 fix 4: a variable not set inline is not said to be.
@Suite("set-env beside an inline compose environment", .serialized)
struct SetEnvComposeTests {
  @Test("RELAY_HOST inline, no env_file: set-env RELAY_USER says where it is not, exit 78")
  func notInline() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    try "services:\n  mailserver:\n    image: mailserver/docker-mailserver:13.3.1\n    environment:\n      RELAY_HOST: smtp.test\n"
      .write(toFile: "\(root)/compose.yaml", atomically: true, encoding: .utf8)
    let result = try CLIHarness.run(["set-env", "RELAY_USER", "apikey"], in: root)
    #expect(result.status == 78)
    #expect(!result.stderr.contains("'RELAY_USER' is set inline"))
    #expect(
      result.stderr
        == "dms-relay: error: no env file to change 'RELAY_USER' in: service 'mailserver' of ./compose.yaml has no env_file:; add 'env_file: mailserver.env' to it (or pass --env-file PATH)\n"
    )
    // The inline one still gets the inline message.
    let inline = try CLIHarness.run(["set-env", "RELAY_HOST", "x"], in: root)
    #expect(inline.stderr.contains("'RELAY_HOST' is set inline in ./compose.yaml"))
  }
}

/// Issue 14 fix 5: `set-env RELAY_PASSWORD` reads the password from stdin (or a no-echo prompt).
@Suite("set-env RELAY_PASSWORD --password-stdin", .serialized)
struct SetEnvPasswordTests {
  @Test("the password from standard input, never printed")
  func fromStdin() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["set-env", "RELAY_PASSWORD", "--password-stdin"], in: root, stdin: "s3cret pw\n")
    #expect(result.status == 0)
    #expect(!result.stdout.contains("s3cret") && !result.stderr.contains("s3cret"))
    #expect(CLIHarness.text("\(root)/mailserver.env") == "RELAY_HOST=smtp.relay.test\nRELAY_PORT=587\nRELAY_USER=relay-user\nRELAY_PASSWORD=s3cret pw\n")
  }

  @Test("usage: both argument and stdin, stdin for a plain variable, no value for a plain variable")
  func usage() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let before = CLIHarness.snapshot(root)
    let both = try CLIHarness.run(["set-env", "RELAY_PASSWORD", "x", "--password-stdin"], in: root, stdin: "y\n")
    #expect(both.status == 64)
    let plain = try CLIHarness.run(["set-env", "RELAY_HOST", "--password-stdin"], in: root, stdin: "y\n")
    #expect(plain.status == 64)
    #expect(plain.stderr == "dms-relay: error: --password-stdin is only for password variables, not 'RELAY_HOST'\n")
    let missing = try CLIHarness.run(["set-env", "RELAY_HOST"], in: root)
    #expect(missing.status == 64)
    #expect(CLIHarness.snapshot(root) == before)
  }
}

/// Issue 14 fix 12: an env file holding a password and readable by others is warned about.
@Suite("Env file with a password and a loose mode", .serialized)
struct LooseEnvFileTests {
  @Test("mode 0644 with RELAY_PASSWORD: a warning naming the file and the chmod; 0600: none")
  func warned() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    #expect(try CLIHarness.run(["preview", "--dms-version", "15.1.0"], in: root).stderr == "")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(root)/mailserver.env")
    let result = try CLIHarness.run(["preview", "--dms-version", "15.1.0"], in: root)
    #expect(result.stderr == "dms-relay: warning: ./mailserver.env holds a password but is mode 0644 (readable by others); chmod 600 './mailserver.env'\n")
    let set = try CLIHarness.run(["set-env", "RELAY_PORT", "2525"], in: root)
    #expect(set.status == 0)
    // The backup keeps the original's mode (never looser).
    #expect(CLIHarness.mode("\(root)/mailserver.env.bak") == 0o644)
  }
}
