import Testing
@testable import RelayModel

@Suite("Postfix's next hop and credentials per sender")
struct RouterTests {
  @Test("sender-dependent credentials beat the relay key, relay key used otherwise")
  func saslLookupOrder() throws {
    let p = try preview(fixture: "sasl-file-and-env-creds", version: "15.1.0")
    let example = p.routeFor("user@example.test")
    #expect(example.outcome == .relayed)
    #expect(example.nexthop == "[smtp.relay.test]:587")
    #expect(example.relay == "smtp.relay.test:587")
    #expect(example.authUser == "example-user")
    #expect(example.decidedBy == "relayhost_map:@example.test")
    #expect(example.authDecidedBy == "sasl_passwd:@example.test")
    let other = p.routeFor("user@other.test")
    #expect(other.nexthop == "[smtp.other.test]:2525")
    #expect(other.authUser == "other-user")
    #expect(other.decidedByOrigin == .file(name: "postfix-relaymap.cf", line: 1))
    let unknown = p.routeFor("someone@unknown.test")
    #expect(unknown.outcome == .direct)
    #expect(unknown.tls == "encrypt")
    #expect(unknown.warnings.contains { $0.code == "encrypt-direct" })
  }

  @Test("a full address beats @domain, and +extension falls back to the address")
  func addressLookupOrder() throws {
    let config = configuration(
      relayMap: "@d.test [a.test]:587\nboss@d.test [b.test]:587\n", sasl: "boss@d.test bu:bp\n@d.test du:dp\n")
    let p = try preview(config, "14")
    #expect(p.routeFor("boss@d.test").nexthop == "[b.test]:587")
    #expect(p.routeFor("boss+tag@d.test").nexthop == "[b.test]:587")
    #expect(p.routeFor("boss+tag@d.test").authUser == "bu")
    #expect(p.routeFor("Other@D.TEST").nexthop == "[a.test]:587")
    #expect(p.routeFor("Other@D.TEST").authUser == "du")
  }

  @Test("'decided by' names the table key as written, whatever the sender's spelling")
  func decidedByKeepsTheKeysSpelling() throws {
    let config = configuration(
      relayMap: "@mixed.test [r.test]:587\n@same.test [r.test]:587\n",
      sasl: "@MIXED.test mu:mp\n@same.test su:sp\n",
      accounts: "a@Mixed.Test|{SHA512-CRYPT}x\nb@same.test|{SHA512-CRYPT}x\n")
    let p = try preview(config, "15.1.0")
    let mixed = try #require(p.routes.first { $0.sender == "@Mixed.Test" })
    #expect(mixed.decidedBy == "relayhost_map:@mixed.test")
    #expect(mixed.authDecidedBy == "sasl_passwd:@MIXED.test")
    #expect(mixed.authUser == "mu")
    let same = try #require(p.routes.first { $0.sender == "@same.test" })
    #expect(same.decidedBy == "relayhost_map:@same.test")
    #expect(same.authDecidedBy == "sasl_passwd:@same.test")
    #expect(p.routeFor("x@same.test").decidedBy == "relayhost_map:@same.test")
    #expect(p.routeFor("x@same.test").authDecidedBy == "sasl_passwd:@same.test")
    let json = String(decoding: Reports.previewJSONBytes(p), as: UTF8.self)
    #expect(json.contains("\"decided_by\": \"relayhost_map:@mixed.test\""))
    #expect(json.contains("\"decided_by\": \"relayhost_map:@same.test\""))
  }

  @Test("v13 ignores the relay map without RELAY_HOST; v14 uses it")
  func relayMapNeedsRelayHostBefore14() throws {
    let v13 = try preview(fixture: "seed-relaymap-no-relayhost", version: "13.3.1")
    #expect(v13.routeFor("user@example.test").outcome == .direct)
    #expect(v13.first(.relayMapIgnored)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 1))
    #expect(v13.has(.saslFileIgnored))
    let v14 = try preview(fixture: "seed-relaymap-no-relayhost", version: "14.0.0")
    #expect(v14.routeFor("user@example.test").outcome == .relayed)
    #expect(v14.routeFor("user@example.test").authUser == "relay-user")
    #expect(!v14.has(.relayMapIgnored))
  }

  @Test("RELAY_HOST without credentials on 13.3.1: nothing leaves, relayed or direct")
  func noCredentialsKillsSmtp() throws {
    let p = try preview(fixture: "relay-host-with-port", version: "13.3.1")
    #expect(p.routes.allSatisfy { $0.outcome == .error })
    #expect(p.routeFor("x@elsewhere.test").outcome == .error)
    let d = try #require(p.first(.noCredentialsSmtpDies))
    #expect(d.severity == .error)
    #expect(d.message.hasPrefix("no outbound mail will leave: RELAY_HOST is set without credentials"))
    #expect(d.fix.contains("upgrade DMS to 14"))
    #expect(d.location == SourceLocation(file: "mailserver.env", line: 1) || d.location?.file == "env")
    let v14 = try preview(fixture: "relay-host-with-port", version: "14")
    #expect(v14.routeFor("user@example.test").outcome == .relayed)
    #expect(v14.routeFor("user@example.test").authUser == nil)
    #expect(!v14.has(.noCredentialsSmtpDies))
  }

  @Test("case duplicates make the whole relay map unusable")
  func caseDuplicatesDeferEverything() throws {
    let p = try preview(fixture: "uppercase-domains", version: "15.1.0")
    #expect(p.routes.allSatisfy { $0.outcome == .deferred })
    #expect(p.routeFor("a@unrelated.test").outcome == .deferred)
    let d = try #require(p.first(.duplicateKey))
    #expect(d.location == SourceLocation(file: "postfix-relaymap.cf", line: 1) || d.location?.line == 2)
    #expect(d.message.contains("ALL outbound mail is deferred"))
  }

  @Test("a comment as relay value defers that domain and is diagnosed at its line")
  func commentAsRelay() throws {
    let p = try preview(fixture: "comments-blank-lines", version: "13.3.1")
    #expect(p.routeFor("u@third.test").outcome == .error)
    #expect(p.first(.commentAsRelay)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 7))
    #expect(p.routeFor("u@example.test").outcome == .relayed)
    #expect(p.routeFor("u@example.test").authUser == "relay-user")
  }

  @Test("a missing final newline glues lines and breaks both")
  func missingFinalNewline() throws {
    let p = try preview(fixture: "missing-final-newline", version: "13.3.1")
    #expect(p.routeFor("u@example.test").outcome == .error)
    let d = try #require(p.first(.missingFinalNewline))
    #expect(d.severity == .error)
    #expect(d.location == SourceLocation(file: "postfix-relaymap.cf", line: 1))
  }

  @Test("prefix collision: example.com.au blocks example.com on v13")
  func prefixCollision() throws {
    let p = try preview(fixture: "prefix-domains", version: "13.3.1")
    let d = try #require(p.first(.prefixCollision))
    #expect(d.message.hasPrefix("'example.com' gets no RELAY_HOST entry"))
    #expect(d.location == SourceLocation(file: "postfix-relaymap.cf", line: 1))
    let v14 = try preview(fixture: "prefix-domains", version: "15")
    #expect(!v14.has(.prefixCollision))
    #expect(v14.routeFor("u@example.com").nexthop == "[smtp.relay.test]:25")
  }

  @Test("continuation line folds into the entry above")
  func continuationLine() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n  @b.test [rb.test]:587\n", sasl: "@a.test u:p\n")
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("x@a.test").nexthop == "[ra.test]:587")
    #expect(p.routeFor("x@b.test").outcome == .direct)
    #expect(p.first(.continuationLine)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 2))
  }

  @Test("port 465 times out without wrappermode")
  func port465() throws {
    let p = try preview(fixture: "optout-trailing-space", version: "14")
    #expect(p.routeFor("u@explicit.test").outcome == .deferred)
    #expect(p.first(.port465)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 2))
    #expect(p.routeFor("u@excluded.test").outcome == .direct)
    #expect(p.routeFor("u@example.test").nexthop == "[smtp.relay.test]:587")
  }

  @Test("both relay variables: credentials go to the default relay only")
  func credentialsKeyedToDefaultRelay() throws {
    let config = configuration(
      accounts: "u@a.test|{X}y\n",
      env: [
        "DEFAULT_RELAY_HOST": "[default.test]:587", "RELAY_HOST": "mapped.test", "RELAY_PORT": "587",
        "RELAY_USER": "u", "RELAY_PASSWORD": "p",
      ])
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("x@a.test").nexthop == "[mapped.test]:587")
    #expect(p.routeFor("x@a.test").authUser == nil)
    #expect(p.routeFor("x@other.test").nexthop == "[default.test]:587")
    #expect(p.routeFor("x@other.test").authUser == "u")
    #expect(p.has(.credentialsKeyedToDefaultRelay))
  }

  @Test("DEFAULT_RELAY_HOST with env credentials on v13: credentials never used")
  func envCredentialsUnused() throws {
    let p = try preview(fixture: "default-relay-host-with-creds", version: "13.3.1")
    #expect(p.routeFor("u@example.test").nexthop == "[smtp.default.test]:587")
    #expect(p.routeFor("u@example.test").authUser == nil)
    #expect(p.has(.envCredentialsUnused))
    let v14 = try preview(fixture: "default-relay-host-with-creds", version: "14")
    #expect(v14.routeFor("u@example.test").authUser == "relay-user")
  }

  @Test("RELAY_HOST with a port cannot be parsed")
  func relayHostWithPort() throws {
    let config = configuration(
      sasl: "@a.test u:p\n", accounts: "u@a.test|{X}y\n", env: ["RELAY_HOST": "smtp.x.test:587"])
    let p = try preview(config, "14")
    #expect(p.routeFor("u@a.test").outcome == .error)
    #expect(p.has(.relayHostHasPort))
  }

  @Test("empty SASL user defers; half env credentials are flagged")
  func credentialProblems() throws {
    let config = configuration(
      relayMap: "@a.test [r.test]:587\n", sasl: "@a.test :secret\n", env: ["RELAY_USER": "only"])
    let p = try preview(config, "14")
    #expect(p.routeFor("u@a.test").outcome == .deferred)
    #expect(p.has(.emptySaslUser))
    #expect(p.has(.halfEnvCredentials))
  }

  @Test("unused credentials and relays without credentials")
  func unusedAndMissingCredentials() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n@b.test [rb.test]:587\n",
      sasl: "@a.test ua:pa\n@gone.test ug:pg\n")
    let p = try preview(config, "14")
    #expect(p.first(.unusedCredentials)?.location == SourceLocation(file: "postfix-sasl-password.cf", line: 2))
    #expect(p.first(.relayWithoutCredentials)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 2))
  }

  @Test("uppercase opt-out does not opt out")
  func uppercaseOptOut() throws {
    let p = try preview(fixture: "uppercase-domains", version: "13.3.1")
    #expect(p.first(.uppercaseKey)?.location == SourceLocation(file: "postfix-relaymap.cf", line: 3))
  }

  @Test("v11-13 glue the last account domain to the first alias domain")
  func gluedDomains() throws {
    let config = configuration(
      sasl: "@a.test u:p\n", accounts: "u@gmail.test|{X}y", virtual: "a@smtp.mail.test u@gmail.test\n",
      env: ["RELAY_HOST": "r.test"])
    let p = try preview(config, "13.3.1")
    #expect(p.state.relayhostMap?.textLines == ["@gmail.testsmtp.mail.test    [r.test]:25"])
    #expect(p.first(.domainsGlued)?.location == SourceLocation(file: "postfix-accounts.cf", line: 1))
  }

  @Test("trailing comment works while the first hop answers")
  func trailingComment() throws {
    let config = configuration(relayMap: "@a.test [r.test]:587 # primary\n", sasl: "@a.test u:p\n")
    let p = try preview(config, "14")
    #expect(p.routeFor("u@a.test").nexthop == "[r.test]:587")
    #expect(p.has(.trailingComment))
  }

  @Test("LDAP with RELAY_HOST and SRS are flagged")
  func ldapAndSRS() throws {
    let p = try preview(fixture: "ldap-provisioner", version: "13.3.1")
    #expect(p.has(.ldapWithRelayHost))
    let config = configuration(relayMap: "@a.test [r.test]:587\n", env: ["ENABLE_SRS": "1"])
    #expect(try preview(config, "14").has(.srsRewritesSender))
  }
}
