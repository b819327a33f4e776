import Testing
@testable import RelayModel

@Suite("Tables in the config folder named by the overrides")
struct ConfigFolderTableTests {
  func tables(_ files: [String: String]) -> [String: TextDocument] {
    files.mapValues { TextDocument(text: $0) }
  }

  @Test("texthash: and hash: under /tmp/docker-mailserver name one file; anything else is unreadable")
  func classify() {
    let docs = tables(["t.cf": "a b\n"])
    func kind(_ value: String) -> OverrideTable {
      OverrideTable.classify(value, dmsPath: "/etc/postfix/relayhost_map", dmsWrote: true, tables: docs)
    }
    #expect(kind("") == .none)
    #expect(kind("texthash:/etc/postfix/relayhost_map") == .dms(written: true))
    #expect(kind("hash:/etc/postfix/relayhost_map") == .dms(written: false))
    #expect(kind("texthash:/tmp/docker-mailserver/t.cf") == .configFolder(name: "t.cf", document: docs["t.cf"]))
    #expect(kind("hash:/tmp/docker-mailserver/t.cf") == .configFolder(name: "t.cf", document: docs["t.cf"]))
    #expect(kind("texthash:/tmp/docker-mailserver/gone.cf") == .configFolder(name: "gone.cf", document: nil))
    for value in [
      "tcp:127.0.0.1:2000", "ldap:/etc/postfix/l.cf", "texthash:/etc/postfix/other",
      "texthash:/tmp/docker-mailserver/a/b.cf", "texthash:/tmp/docker-mailserver/t.cf, texthash:/tmp/docker-mailserver/u.cf",
    ] {
      #expect(kind(value) == .unreadable, "\(value)")
    }
  }

  @Test("table diagnostics point into the table Postfix reads: a config-folder map longer than DMS's")
  func diagnosticsReadTheOverrideTable() throws {
    // DMS's own relay map has one line; the config-folder one has six, with a dropped
    // whitespace-led line and a duplicate key far past DMS's last line (this crashed when the
    // checks paired the router's table with DMS's lines).
    var config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", accounts: "x@a.test|{X}y\n"),
      main: "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/my-relays.cf\n")
    config.overrideTables = tables([
      "my-relays.cf": "# c\n# d\n# e\n  @b.test [s.test]:587\n@c.test [t.test]:587\n@c.test [u.test]:587\n"
    ])
    let p = try preview(config, "15.1.0")
    #expect(p.first(.whitespaceLedLine)?.location == SourceLocation(file: "my-relays.cf", line: 4))
    #expect(p.first(.duplicateKey)?.location == SourceLocation(file: "my-relays.cf", line: 5))
    #expect(p.first(.duplicateKey)?.message.contains("from my-relays.cf:5 and my-relays.cf:6") == true)
  }

  @Test("a relay map in the config folder routes, and its lines are the origins")
  func relayMapFromFolder() throws {
    var config = withOverrides(
      configuration(accounts: "u@a.test|{X}y\n"),
      main: "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/my-relays.cf\n")
    config.overrideTables = tables(["my-relays.cf": "# mine\n@a.test [m.test]:587\n"])
    let route = try preview(config, "15.1.0").route("x@a.test")
    #expect(route.nexthop == "[m.test]:587")
    #expect(route.decidedByOrigin == .file(name: "my-relays.cf", line: 2))
  }

  @Test("a texthash table that is not there fails every lookup; a hash: one without its source is unpreviewable")
  func missing() throws {
    let texthash = withOverrides(
      configuration(), main: "sender_dependent_relayhost_maps = texthash:/tmp/docker-mailserver/gone.cf\n")
    #expect(try preview(texthash, "15.1.0").route("x@a.test").outcome == .deferred)
    let hash = withOverrides(configuration(), main: "sender_dependent_relayhost_maps = hash:/tmp/docker-mailserver/gone\n")
    let route = try preview(hash, "15.1.0").route("x@a.test")
    #expect(route.unpreviewable?.contains("source file 'gone' is not in the config folder") == true)
  }

  @Test("sender_dependent_default_transport_maps picks the relay transport with its own -o wrappermode")
  func senderTransport() throws {
    var config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:465\n@c.test [s.test]:587\n", sasl: "@a.test u:p\n"),
      main: "sender_dependent_default_transport_maps = texthash:/tmp/docker-mailserver/st.cf\n",
      master: "relay/unix/smtp_tls_wrappermode=yes\n")
    config.overrideTables = tables(["st.cf": "@a.test relay\n@d.test smtp:[o.test]:25\n@e.test lmtp\n"])
    let p = try preview(config, "15.1.0")
    #expect(p.route("x@a.test").outcome == .relayed)
    #expect(p.route("x@a.test").warnings.contains { $0.code == "sender-transport" })
    #expect(p.route("x@b.test").outcome == .direct)
    #expect(p.route("x@c.test").outcome == .relayed)
    #expect(p.route("x@d.test").nexthop == "[o.test]:25")
    #expect(p.route("x@e.test").unpreviewable?.contains("'lmtp'") == true)
    #expect(!p.has(.port465))
  }

  @Test("the loader reads the config folder tables the overrides name, and only those")
  func loader() throws {
    let loaded = try loadFolder([
      "postfix-main.cf": "sender_dependent_default_transport_maps = texthash:/tmp/docker-mailserver/st.cf\n",
      "st.cf": "@a.test relay\n", "other.cf": "x y\n",
    ])
    #expect(Array(loaded.overrideTables.keys) == ["st.cf"])
    #expect(loaded.overrideTables["st.cf"]?.text == "@a.test relay\n")
  }
}

@Suite("sender_dependent_default_transport_maps with a next hop of its own")
struct SenderTransportNextHopTests {
  func config(_ transports: String, sasl: String = "@a.test u:p\n[o.test]:587 ou:op\n") -> Configuration {
    var config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: sasl),
      main: "sender_dependent_default_transport_maps = texthash:/tmp/docker-mailserver/st.cf\n")
    config.overrideTables = ["st.cf": TextDocument(text: transports)]
    return config
  }

  @Test("the transport's next hop beats the relay map; the entry is reported dead")
  func beatsRelayMap() throws {
    let p = try preview(config("@a.test smtp:[o.test]:587\n"), "15.1.0")
    let route = p.route("x@a.test")
    #expect(route.outcome == .relayed)
    #expect(route.nexthop == "[o.test]:587")
    #expect(route.decidedBy == "sender_dependent_default_transport_maps:@a.test")
    #expect(route.authUser == "u")  // sender key first (sender-dependent authentication)
    #expect(route.warnings.contains { $0.code == "relay-overridden" })
    let dead = try #require(p.first(.overrideDisablesRelayMap))
    #expect(dead.location == SourceLocation(file: RelayMapFile.fileName, line: 1))
    #expect(dead.message.contains("'@a.test [r.test]:587' is never used"))
  }

  @Test("a direct sender gets the next hop, with credentials looked up for it")
  func directSender() throws {
    let route = try preview(config("@b.test relay:[o.test]:587\n"), "15.1.0").route("x@b.test")
    #expect(route.outcome == .relayed)
    #expect(route.authUser == "ou")
    #expect(route.authDecidedBy == "sasl_passwd:[o.test]:587")
    #expect(route.authOrigin == .file(name: SaslPasswordFile.fileName, line: 2))
  }

  @Test("port 465 through the transport still needs wrappermode; an unparsable next hop defers")
  func checksStillApply() throws {
    let p = try preview(config("@b.test smtp:[o.test]:465\n@c.test smtp:[bad\n"), "15.1.0")
    #expect(p.route("x@b.test").reason == PostfixFacts.implicitTLSRouteReason)
    #expect(p.route("x@c.test").outcome == .deferred)
  }
}

@Suite("transport_maps from the config folder")
struct RecipientTransportTests {
  func config(_ table: String) -> Configuration {
    var config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n"),
      main: "transport_maps = texthash:/tmp/docker-mailserver/transport.cf\n")
    config.overrideTables = ["transport.cf": TextDocument(text: table)]
    return config
  }

  @Test("'*' sends every sender's mail to its next hop, before the sender transports and the relay map")
  func wildcard() throws {
    let p = try preview(config("* smtp:[o.test]:587\n"), "15.1.0")
    #expect(p.route("x@a.test").nexthop == "[o.test]:587")
    #expect(p.route("x@a.test").decidedBy == "transport_maps:*")
    #expect(p.route("x@a.test").authUser == "u")
    #expect(p.route("x@b.test").nexthop == "[o.test]:587")
    #expect(p.has(.transportMapWildcard))
  }

  @Test("recipient keys leave the sender routes alone; a missing file fails every lookup")
  func recipientKeys() throws {
    let p = try preview(config("gmail.test smtp:[g.test]:587\n"), "15.1.0")
    #expect(p.route("x@a.test").nexthop == "[r.test]:587")
    #expect(p.route("x@a.test").unpreviewable == nil)
    #expect(p.has(.transportMapRecipients))
    var missing = config("")
    missing.overrideTables = [:]
    #expect(try preview(missing, "15.1.0").route("x@a.test").outcome == .deferred)
  }
}

@Suite("smtp_tls_policy_maps from the config folder")
struct TLSPolicyTests {
  func config(_ table: String?, main extra: String = "") -> Configuration {
    var config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:465\n@b.test [s.test]:25\n"),
      main: "smtp_tls_wrappermode = yes\nsmtp_tls_policy_maps = texthash:/tmp/docker-mailserver/tls.cf\n" + extra)
    if let table { config.overrideTables = ["tls.cf": TextDocument(text: table)] }
    return config
  }

  @Test("the entry keyed by the next hop as written sets the level: encrypt lets wrappermode work")
  func levelByNextHop() throws {
    let p = try preview(config("[r.test]:465 encrypt\n[s.test] secure match=nexthop\n"), "15.1.0")
    #expect(p.route("x@a.test").outcome == .relayed)
    #expect(p.route("x@a.test").tls == "encrypt")
    #expect(p.route("x@a.test").warnings.contains { $0.code == "tls-policy" })
    // Port 25 is looked up without its suffix too; secure is at least encrypt.
    #expect(p.route("x@b.test").tls == "secure")
    // Direct mail: keyed by the recipient domain, which the preview does not know.
    #expect(p.route("x@c.test").outcome == .deferred)
  }

  @Test("an unknown level cannot be previewed; a missing texthash file defers")
  func oddPolicies() throws {
    #expect(try preview(config("[r.test]:465 sometimes\n"), "15.1.0").route("x@a.test").unpreviewable != nil)
    #expect(try preview(config(nil), "15.1.0").route("x@a.test").reason?.contains("TLS policy lookup fails") == true)
  }
}
