import Testing
@testable import RelayModel

/// The null sender `<>` of bounces, DSNs and vacation replies (spec §11).
@Suite("The null sender")
struct NullSenderTests {
  @Test("a '<>' relay map line carries bounces; credentials come from the next hop, never a sender key")
  func relayMapKey() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n<> [rb.test]:587\n",
      sasl: "@a.test a-user:a-pass\n<> null-user:x\n[rb.test]:587 b-user:b-pass\n", accounts: "u@a.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    let route = p.routeFor("<>")
    #expect(route.outcome == .relayed)
    #expect(route.nexthop == "[rb.test]:587")
    #expect(route.decidedBy == "relayhost_map:<>")
    #expect(route.decidedByOrigin == .file(name: "postfix-relaymap.cf", line: 2))
    #expect(route.authUser == "b-user")
    #expect(route.authDecidedBy == "sasl_passwd:[rb.test]:587")
    #expect(!p.has(.keyNotAnAddress))
    #expect(!p.has(.nullSenderDirect))
  }

  @Test("an empty sender is the null sender too")
  func emptySender() throws {
    let config = configuration(relayMap: "<> [rb.test]:587\n")
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("") == p.routeFor("<>"))
    #expect(p.routeFor("").sender == "<>")
  }

  @Test("no '<>' line: relayhost (DEFAULT_RELAY_HOST) with its own credentials")
  func relayhost() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n", sasl: "@a.test a-user:a-pass\n", accounts: "u@a.test|{X}y\n",
      env: ["DEFAULT_RELAY_HOST": "[rd.test]:587", "RELAY_USER": "d-user", "RELAY_PASSWORD": "d-pass"])
    let route = try preview(config, "15.1.0").routeFor("<>")
    #expect(route.outcome == .relayed)
    #expect(route.decidedBy == "relayhost")
    #expect(route.nexthop == "[rd.test]:587")
    #expect(route.authUser == "d-user")
  }

  @Test("a relay-map-only setup sends bounces direct: a route warning and a diagnostic")
  func relayMapOnlyGoesDirect() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587\n", sasl: "@a.test a-user:a-pass\n", accounts: "u@a.test|{X}y\n",
      env: ["RELAY_HOST": "rr.test", "RELAY_USER": "u", "RELAY_PASSWORD": "p"])
    for version in ["13.3.1", "15.1.0"] {
      let p = try preview(config, version)
      #expect(p.routes.last?.sender == "<>")
      #expect(p.routeFor("<>").outcome == .direct)
      #expect(p.routeFor("<>").warnings.map(\.code).contains("null-sender-direct"))
      let d = try #require(p.first(.nullSenderDirect))
      #expect(d.severity == .warning)
      #expect(d.fix.contains("DEFAULT_RELAY_HOST"))
    }
  }

  @Test("nothing relayed, nothing to say: all mail goes direct alike")
  func noRelays() throws {
    let p = try preview(configuration(accounts: "u@a.test|{X}y\n"), "15.1.0")
    #expect(p.routeFor("<>").outcome == .direct)
    #expect(!p.has(.nullSenderDirect))
  }
}

/// `check` and the null sender's row.
@Suite("The null sender and check")
struct NullSenderCheckTests {
  @Test("--all and per-relay never pick '<>'; asked for it, check skips it")
  func skipped() throws {
    let config = configuration(relayMap: "<> [rb.test]:587\n@a.test [ra.test]:587\n", accounts: "u@a.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("<>").outcome == .relayed)
    #expect(!p.checkTargets(.all, configuration: config).contains { $0.sender == "<>" })
    #expect(!p.checkTargets(.perRelay, configuration: config).contains { $0.route.sender == "<>" })
    let asked = try #require(p.checkTargets(.senders(["<>"]), configuration: config).first)
    #expect(asked.plan == nil)
    #expect(asked.skipReason?.contains("not checked live") == true)
  }
}
