import Testing
@testable import RelayModel

let sendgrid = Relay(
  host: "smtp.sendgrid.net", port: 587, credentials: RelayCredentials(user: "apikey", password: "SG.secret"))
let mailgun = Relay(
  host: "smtp.mailgun.org", port: 587, credentials: RelayCredentials(user: "postmaster@b.test", password: "mg-secret"))

/// Accounts in a.test, b.test and c.test; nothing relayed yet.
func threeDomains(env: [String: String] = [:], relayMap: String? = nil, sasl: String? = nil) -> Configuration {
  configuration(
    relayMap: relayMap, sasl: sasl,
    accounts: "u@a.test|{SHA512-CRYPT}x\nu@b.test|{SHA512-CRYPT}x\nu@c.test|{SHA512-CRYPT}x\n", env: env)
}

func plan(_ config: Configuration, _ version: String, _ intent: RoutingIntent) throws -> RelayPlan {
  try Planner(configuration: config, version: try DMSVersion.parse(version)).plan(intent)
}

func describe(_ plan: RelayPlan) -> [String] { plan.steps.map(\.summary) }

@Suite("Planner: per-domain relays, everything else direct")
struct PlannerDomainTests {
  @Test("a.test and b.test via SendGrid on 13.3.1: RELAY_HOST, port, relay-keyed credentials, opt-out")
  func sendgridOn13() throws {
    let p = try plan(threeDomains(), "13.3.1", .only(["a.test", "b.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "set RELAY_HOST='smtp.sendgrid.net'",
        "set RELAY_PORT='587'",
        "opt '@c.test' out of RELAY_HOST",
        "credentials for relay '[smtp.sendgrid.net]:587' (user 'apikey')",
      ])
    #expect(p.planned.relayMap?.document.text == "@c.test \n")
    #expect(p.planned.saslPasswords?.document.text == "[smtp.sendgrid.net]:587 apikey:SG.secret\n")
    #expect(p.routes.map(\.matches) == [true, true, true, true])
    #expect(p.consequences.contains { $0.contains("smtp_tls_security_level = encrypt") })
    #expect(p.consequences.contains { $0.contains("added later") })
    #expect(p.changesEnvironment)
  }

  @Test("the same intent on 15.1.0: relay map lines and @domain credentials, no env")
  func sendgridOn15() throws {
    let p = try plan(threeDomains(), "15.1.0", .only(["a.test", "b.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "route '@a.test' via [smtp.sendgrid.net]:587",
        "route '@b.test' via [smtp.sendgrid.net]:587",
        "credentials for '@a.test' (user 'apikey')",
        "credentials for '@b.test' (user 'apikey')",
      ])
    #expect(!p.changesEnvironment)
    #expect(
      p.planned.relayMap?.document.text == "@a.test [smtp.sendgrid.net]:587\n@b.test [smtp.sendgrid.net]:587\n")
  }

  @Test("v11 plans like v12-13")
  func sendgridOn11() throws {
    let p11 = try plan(threeDomains(), "11.3.1", .only(["a.test", "b.test"], through: sendgrid))
    let p13 = try plan(threeDomains(), "13.3.1", .only(["a.test", "b.test"], through: sendgrid))
    #expect(p11.isExact)
    #expect(describe(p11) == describe(p13))
  }

  @Test("two providers on 13.3.1: the relay most domains use becomes RELAY_HOST")
  func twoRelaysOn13() throws {
    var intent = RoutingIntent.only(["a.test", "c.test"], through: sendgrid)
    intent.set("b.test", to: .relay(mailgun))
    let p = try plan(threeDomains(), "13.3.1", intent)
    #expect(p.isExact)
    #expect(p.strategy == .relayHost(sendgrid))
    #expect(p.planned.relayMap?.document.text == "@b.test [smtp.mailgun.org]:587\n")
    #expect(
      p.planned.saslPasswords?.document.text
        == "[smtp.sendgrid.net]:587 apikey:SG.secret\n@b.test postmaster@b.test:mg-secret\n")
  }

  @Test("nothing relayed: RELAY_HOST and stale relay lines go")
  func allDirect() throws {
    let config = threeDomains(
      env: ["RELAY_HOST": "smtp.old.test"], relayMap: "@a.test [smtp.old.test]:25\n", sasl: "@a.test u:p\n")
    let p = try plan(config, "13.3.1", RoutingIntent())
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "unset RELAY_HOST", "remove the relay map entry for '@a.test'", "remove the credentials for '@a.test'",
      ])
  }

  @Test("an already matching configuration needs no steps")
  func noOp() throws {
    let config = threeDomains(
      relayMap: "@a.test [smtp.sendgrid.net]:587\n", sasl: "@a.test apikey:SG.secret\n")
    let p = try plan(config, "15.1.0", .only(["a.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(p.steps.isEmpty)
  }
}

@Suite("Planner: everything through one relay")
struct PlannerDefaultRelayTests {
  @Test("15.1.0: DEFAULT_RELAY_HOST and one relay-keyed credentials line")
  func allOn15() throws {
    let p = try plan(threeDomains(), "15.1.0", .everything(through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "set DEFAULT_RELAY_HOST='[smtp.sendgrid.net]:587'",
        "credentials for relay '[smtp.sendgrid.net]:587' (user 'apikey')",
      ])
  }

  @Test("13.3.1: DEFAULT_RELAY_HOST for unknown senders plus RELAY_HOST so DMS reads the credentials")
  func allOn13() throws {
    let p = try plan(threeDomains(), "13.3.1", .everything(through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "set RELAY_HOST='smtp.sendgrid.net'",
        "set RELAY_PORT='587'",
        "set DEFAULT_RELAY_HOST='[smtp.sendgrid.net]:587'",
        "credentials for relay '[smtp.sendgrid.net]:587' (user 'apikey')",
      ])
  }

  @Test("a relay without credentials on 13.3.1 via RELAY_HOST gets a password table")
  func noCredentialsOn13() throws {
    let open = Relay(host: "relay.internal.test", port: 587)
    let p = try plan(threeDomains(), "13.3.1", .only(["a.test"], through: open))
    #expect(p.isExact)
    #expect(p.steps.contains { $0.action == .createSaslFile })
    #expect(p.planned.saslPasswords?.document.text == PlanStep.saslFileHeader)
  }

  @Test("keeps matching RELAY_USER/RELAY_PASSWORD instead of duplicating them")
  func keepsEnvCredentials() throws {
    let config = threeDomains(env: [
      "RELAY_HOST": "smtp.sendgrid.net", "RELAY_PORT": "587", "RELAY_USER": "apikey", "RELAY_PASSWORD": "SG.secret",
    ])
    let p = try plan(config, "13.3.1", .only(["a.test", "b.test", "c.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(p.steps.isEmpty)
  }

  @Test("replaces other RELAY_USER/RELAY_PASSWORD by the file")
  func replacesEnvCredentials() throws {
    let config = threeDomains(env: [
      "RELAY_HOST": "smtp.sendgrid.net", "RELAY_PORT": "587", "RELAY_USER": "old", "RELAY_PASSWORD": "old",
    ])
    let p = try plan(config, "13.3.1", .only(["a.test", "b.test", "c.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "unset RELAY_USER", "unset RELAY_PASSWORD",
        "credentials for relay '[smtp.sendgrid.net]:587' (user 'apikey')",
      ])
  }
}

@Suite("Planner: refusals and limitations")
struct PlannerLimitTests {
  @Test("port 465 is refused with the STARTTLS advice")
  func port465() throws {
    let relay = Relay(host: "smtp.example.test", port: 465, credentials: RelayCredentials(user: "u", password: "p"))
    #expect(throws: PlanError.implicitTLSPort(host: "smtp.example.test")) {
      try plan(threeDomains(), "15.1.0", .only(["a.test"], through: relay))
    }
    #expect(PlanError.implicitTLSPort(host: "h").description.contains("usually 587"))
  }

  @Test("invalid domain is refused")
  func invalidDomain() throws {
    #expect(throws: PlanError.self) {
      try plan(threeDomains(), "15.1.0", .only(["@a.test"], through: sendgrid))
    }
  }

  @Test(
    "default relay with a direct domain: unknown domains go direct on every family",
    arguments: ["11.3.1", "13.3.1", "15.1.0"])
  func defaultRelayWithDirectDomain(version: String) throws {
    var intent = RoutingIntent.everything(through: sendgrid)
    intent.set("c.test", to: .direct)
    let p = try plan(threeDomains(), version, intent)
    #expect(!p.isExact)
    #expect(p.limitations.count == 1)
    #expect(p.limitations[0].domain == nil)
    #expect(p.limitations[0].explanation.contains("no relay map value meaning 'direct'"))
    #expect(p.routes.filter { $0.domain != nil }.allSatisfy { $0.matches })
  }

  @Test("uppercase relay map key is replaced, not duplicated")
  func uppercaseKey() throws {
    let config = threeDomains(
      env: ["RELAY_HOST": "smtp.sendgrid.net", "RELAY_PORT": "587"], relayMap: "@A.TEST [smtp.other.test]:587\n",
      sasl: "[smtp.sendgrid.net]:587 apikey:SG.secret\n")
    let p = try plan(config, "13.3.1", .only(["a.test", "b.test", "c.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(describe(p) == ["remove the relay map entry for '@A.TEST'"])
  }

  @Test("prefix collision on 13.3.1 gets an explicit line")
  func prefixCollision() throws {
    let config = configuration(
      relayMap: "@example.com.au [smtp.au.test]:587\n", sasl: "",
      accounts: "u@example.com|x\nu@example.com.au|x\n")
    var intent = RoutingIntent.only(["example.com"], through: sendgrid)
    intent.set("example.com.au", to: .relay(Relay(host: "smtp.au.test", port: 587)))
    let p = try plan(config, "13.3.1", intent)
    #expect(p.isExact, "\(p.limitations)")
  }
}

@Suite("Planner: existing setups")
struct PlannerExistingSetupTests {
  @Test("15.1.0 drops a legacy RELAY_HOST and uses the relay map")
  func dropsRelayHostOn15() throws {
    let p = try plan(
      threeDomains(env: ["RELAY_HOST": "smtp.relay.test", "RELAY_PORT": "587"]), "15.1.0",
      .only(["a.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "unset RELAY_HOST", "route '@a.test' via [smtp.sendgrid.net]:587", "credentials for '@a.test' (user 'apikey')",
      ])
    #expect(p.steps[0].reason.contains("the relay map works without it"))
  }

  @Test("15.1.0 keeps a RELAY_HOST that already names the default relay")
  func keepsMatchingRelayHostOn15() throws {
    let p = try plan(
      threeDomains(env: ["RELAY_HOST": "smtp.sendgrid.net", "RELAY_PORT": "587"]), "15.1.0", .everything(through: sendgrid))
    #expect(p.isExact)
    #expect(
      describe(p) == [
        "set DEFAULT_RELAY_HOST='[smtp.sendgrid.net]:587'",
        "credentials for relay '[smtp.sendgrid.net]:587' (user 'apikey')",
      ])
  }

  @Test("13.3.1 with LDAP: no managed domains, so named domains get lines of their own")
  func ldapOn13() throws {
    let config = configuration(env: ["ACCOUNT_PROVISIONER": "LDAP", "DOMAINNAME": "ldap.test"])
    let p = try plan(config, "13.3.1", .only(["a.test", "ldap.test"], through: sendgrid))
    #expect(p.isExact, "\(p.limitations)")
    #expect(p.planned.relayMap?.document.text == "@a.test [smtp.sendgrid.net]:587\n@ldap.test [smtp.sendgrid.net]:587\n")
  }

  @Test("a domain DMS manages in two spellings keeps one key and opts the other out")
  func twoSpellingsOn13() throws {
    let config = configuration(accounts: "u@B.TEST|x\nu@c.test|x\n", virtual: "alias@b.test u@c.test\n")
    let p = try plan(config, "13.3.1", .only(["b.test"], through: sendgrid))
    #expect(p.isExact, "\(p.limitations)")
    #expect(p.planned.relayMap?.document.text == "@b.test \n@c.test \n")
    // DMS generates '@B.TEST' itself; the other spelling is opted out so no second key appears.
    #expect(describe(p).contains("opt '@b.test' out of RELAY_HOST"))

    // Another relay for b.test: a line for DMS's first spelling, the other opted out in its exact case.
    var intent = RoutingIntent.only(["c.test"], through: sendgrid)
    intent.set("b.test", to: .relay(mailgun))
    let two = try plan(config, "13.3.1", intent)
    #expect(two.isExact, "\(two.limitations)")
    #expect(two.planned.relayMap?.document.text == "@B.TEST [smtp.mailgun.org]:587\n@b.test \n")
    #expect(two.steps.contains { $0.action == .editExactCase(.excludeDomain(domain: "b.test")) })
  }

  @Test("an unterminated relay map gets its newline before DMS appends to it")
  func finalNewlineOn13() throws {
    let config = threeDomains(relayMap: "@c.test [smtp.mailgun.org]:587")
    var intent = RoutingIntent.only(["a.test", "b.test"], through: sendgrid)
    intent.set("c.test", to: .relay(mailgun))
    let p = try plan(config, "13.3.1", intent)
    #expect(p.isExact, "\(p.limitations)")
    #expect(p.steps.contains { $0.action == .addFinalNewline(file: .relayMap) })
  }

  @Test("credentials of a domain that now goes direct are removed (Postfix would offer them to MX hosts)")
  func removesCredentialsOfDirectDomain() throws {
    let config = threeDomains(sasl: "@c.test u:p\n")
    let p = try plan(config, "15.1.0", .only(["a.test"], through: sendgrid))
    #expect(p.isExact)
    #expect(p.steps.contains { $0.action == .edit(.delAuth(domain: "c.test")) })
  }

  @Test("write plan: config files get the planned bytes, env edits go to the env file")
  func writePlan() throws {
    let loaded = LoadedConfiguration(
      configuration: threeDomains(), configDirectory: "/cfg", envFiles: ["/m.env"],
      originals: ["/m.env": Array("ONE=1\n".utf8)])
    let p = try Planner(configuration: loaded.configuration, version: try .parse("13.3.1"))
      .plan(.only(["a.test"], through: sendgrid))
    let write = try p.writePlan(for: loaded)
    #expect(write.files.map(\.path) == ["/cfg/postfix-relaymap.cf", "/cfg/postfix-sasl-password.cf", "/m.env"])
    #expect(write.files[2].newBytes == Array("ONE=1\nRELAY_HOST=smtp.sendgrid.net\nRELAY_PORT=587\n".utf8))
    #expect(write.files[1].kind == .saslPasswords)
    #expect(!write.diff().contains("SG.secret"))
  }
}
