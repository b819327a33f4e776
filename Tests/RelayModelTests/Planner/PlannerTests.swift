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
