import Foundation
import Testing

/// `generate`, `route`, `preview` and `compare` run as an admin would run them.
@Suite("CLI: generate, route, preview, compare")
struct EngineCommandTests {
  static func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8))
  }

  @Test("generate --json equals DMS's own output for the fixture, passwords redacted")
  func generateJSON() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["generate", "--json", "--dms-version", "13.3.1"], in: root)
    #expect(result.status == 0)
    let object = try #require(try Self.json(result.stdout) as? [String: Any])
    #expect(object["family"] as? String == "v12-13")
    #expect(
      object["sasl_passwd"] as? [String] == [
        "@example.test example-user:<redacted>",
        "[smtp.other.test]:2525 other-user:<redacted>",
        "[smtp.relay.test]:587    relay-user:<redacted>",
      ])
    #expect(!result.stdout.contains("example-pass"))
    let shown = try CLIHarness.run(["generate", "--json", "--dms-version", "13.3.1", "--show-secrets"], in: root)
    #expect(shown.stdout.contains("example-user:example-pass"))
    let change = try CLIHarness.run(["generate", "--json", "--dms-version", "13.3.1", "--path", "change"], in: root)
    let postconf = try #require((try Self.json(change.stdout) as? [String: Any])?["postconf"] as? [String])
    #expect(!postconf.contains("smtp_tls_security_level = encrypt"))
  }

  @Test("route --json gives outcome, relay host:port, AUTH user and the deciding line")
  func routeJSON() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(
      ["route", "--json", "--dms-version", "15.1.0", "--sender", "a@other.test", "--sender", "b@nowhere.test"], in: root)
    #expect(result.status == 0)
    let routes = try #require(try Self.json(result.stdout) as? [[String: Any]])
    #expect(routes.count == 2)
    #expect(routes[0]["outcome"] as? String == "relayed")
    #expect(routes[0]["relay"] as? String == "smtp.other.test:2525")
    #expect(routes[0]["nexthop"] as? String == "[smtp.other.test]:2525")
    #expect(routes[0]["auth_user"] as? String == "other-user")
    #expect(routes[0]["decided_by"] as? String == "relayhost_map:@other.test")
    #expect(routes[0]["tls"] as? String == "encrypt")
    #expect(routes[1]["outcome"] as? String == "direct")
    #expect(routes[1]["relay"] is NSNull)
  }

  @Test("route needs a sender and a version")
  func routeUsage() throws {
    let root = try CLIHarness.checkout(of: "optout-bare")
    defer { CLIHarness.remove(root) }
    let noSender = try CLIHarness.run(["route", "--dms-version", "14"], in: root)
    #expect(noSender.status == 64)
    #expect(noSender.stderr.contains("give at least one --sender ADDRESS"))
    let noVersion = try CLIHarness.run(["route", "--sender", "a@b.test"], in: root)
    #expect(noVersion.status == 78)
    #expect(noVersion.stderr.hasPrefix("dms-relay: error: no DMS version"))
    let tooOld = try CLIHarness.run(["route", "--sender", "a@b.test", "--dms-version", "10.5.0"], in: root)
    #expect(tooOld.status == 64)
    #expect(tooOld.stderr.contains("older than 11.0.0"))
  }

  @Test("preview exits 1 with errors, 2 with warnings under --strict, 0 otherwise")
  func previewExitCodes() throws {
    let broken = try CLIHarness.checkout(of: "relay-host-with-port")
    defer { CLIHarness.remove(broken) }
    let v13 = try CLIHarness.run(["preview", "--dms-version", "13.3.1"], in: broken)
    #expect(v13.status == 1)
    #expect(v13.stdout.contains("no outbound mail will leave: RELAY_HOST is set without credentials"))
    let v14 = try CLIHarness.run(["preview", "--dms-version", "14"], in: broken)
    #expect(v14.status == 0)

    let warned = try CLIHarness.checkout(of: "optout-trailing-space")
    defer { CLIHarness.remove(warned) }
    #expect(try CLIHarness.run(["preview", "--dms-version", "14"], in: warned).status == 0)
    let strict = try CLIHarness.run(["preview", "--dms-version", "14", "--strict"], in: warned)
    #expect(strict.status == 2)
    #expect(strict.stdout.contains("[port-465]"))
  }

  @Test("preview --json lists routes and diagnostics with file and line")
  func previewJSON() throws {
    let root = try CLIHarness.checkout(of: "comments-blank-lines")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["preview", "--json", "--dms-version", "13.3.1"], in: root)
    #expect(result.status == 1)
    let object = try #require(try Self.json(result.stdout) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    let comment = try #require(diagnostics.first { $0["code"] as? String == "comment-as-relay" })
    #expect(comment["severity"] as? String == "error")
    #expect(comment["file"] as? String == "postfix-relaymap.cf")
    #expect(comment["line"] as? Int == 7)
    #expect((comment["fix"] as? String)?.isEmpty == false)
    let routes = try #require(object["routes"] as? [[String: Any]])
    #expect(Set(routes.compactMap { $0["sender"] as? String }) == ["@example.test", "@other.test", "@third.test", "<>"])
    #expect(!result.stdout.contains("relay-pass"))
  }

  @Test("compare names the senders whose route changes on upgrade")
  func compare() throws {
    let root = try CLIHarness.checkout(of: "seed-relaymap-no-relayhost")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["compare", "--from", "13.3.1", "--to", "14.0.0"], in: root)
    #expect(result.status == 0)
    #expect(result.stdout.contains("@example.test"))
    #expect(result.stdout.contains("13.3.1: direct to the recipient's MX (TLS may)"))
    #expect(result.stdout.contains("14.0.0: relayed via [smtp.relay.test]:587 as relay-user (TLS encrypt)"))
    // @other.test still goes direct, but 14 forces TLS on it because credentials exist.
    #expect(result.stdout.contains("14.0.0: direct to the recipient's MX (TLS encrypt)"))
    #expect(result.stdout.contains("Fixed by 14.0.0"))
    let json = try CLIHarness.run(["compare", "--json", "--from", "13.3.1", "--to", "14.0.0"], in: root)
    let object = try #require(try Self.json(json.stdout) as? [String: Any])
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(
      changes.map { $0["sender"] as? String }
        == ["@example.test", "@other.test", "<>", "someone@not-a-managed-domain.invalid"])
    #expect((changes[1]["to"] as? [String: Any])?["tls"] as? String == "encrypt")
  }

  @Test("a missing config folder is one line and exit 66")
  func missingFolder() throws {
    let root = try CLIHarness.checkout(of: "optout-bare")
    defer { CLIHarness.remove(root) }
    let result = try CLIHarness.run(["preview", "--dms-version", "14", "--config-dir", "nope"], in: root)
    #expect(result.status == 66)
    #expect(result.stderr == "dms-relay: error: config folder 'nope' does not exist\n")
  }
}

/// Issue 14 fix 8: `route --sender` takes several addresses and refuses a non-address.
@Suite("CLI: route --sender")
struct RouteSenderTests {
  @Test("--sender a b routes both, as --sender a --sender b does")
  func several() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    let together = try CLIHarness.run(["route", "--dms-version", "15.1.0", "--sender", "a@other.test", "b@nowhere.test"], in: root)
    let repeated = try CLIHarness.run(["route", "--dms-version", "15.1.0", "--sender", "a@other.test", "--sender", "b@nowhere.test"], in: root)
    #expect(together.status == 0)
    #expect(together.stdout == repeated.stdout)
    #expect(together.stdout.contains("a@other.test"))
    #expect(together.stdout.contains("b@nowhere.test"))
  }

  @Test("--sender bad: exit 65, says it is not an address, prints no route")
  func notAnAddress() throws {
    let root = try CLIHarness.checkout(of: "sasl-file-and-env-creds")
    defer { CLIHarness.remove(root) }
    for bad in ["bad", "user@"] {
      let result = try CLIHarness.run(["route", "--dms-version", "15.1.0", "--sender", "a@other.test", bad], in: root)
      #expect(result.status == 65)
      #expect(result.stdout == "")
      #expect(result.stderr == "dms-relay: error: --sender '\(bad)' is not an address: give user@domain, @domain or '<>'\n")
    }
    #expect(try CLIHarness.run(["route", "--dms-version", "15.1.0", "--sender", "@other.test"], in: root).status == 0)
    // The null sender, as '<>' or empty (sendmail -f ''), is routed (spec §11).
    let null = try CLIHarness.run(["route", "--dms-version", "15.1.0", "--sender", "<>", ""], in: root)
    #expect(null.status == 0)
    #expect(null.stdout.hasPrefix("<>: "))
    #expect(null.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("<>: ") }.count == 2)
  }
}
