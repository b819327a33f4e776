import Testing
@testable import RelayModel

/// Routes of senders postsrsd rewrites (spec §9).
@Suite("Router with SRS")
struct RouterSRSTests {
  let relayMap = "@a.test [r.test]:587\n@srs.test [s.test]:587\n"

  func route(_ sender: String, env: [String: String], relayMap: String? = nil) throws -> Route {
    try preview(configuration(relayMap: relayMap ?? self.relayMap, env: env), "15.1.0").route(sender)
  }

  @Test("a rewritten sender is looked up as SRS0=…@SRS_DOMAINNAME: its '@domain' entry never matches")
  func rewrittenSenderTakesSRSDomainRoute() throws {
    let r = try route("user@A.test", env: ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test"])
    #expect(r.sender == "user@A.test")
    #expect(r.rewrittenSender == "SRS0=HASH=TT=A.test=user@srs.test")
    #expect(r.relay == "s.test:587")
    #expect(r.decidedBy == "relayhost_map:@srs.test")
    #expect(r.warnings.map(\.code) == ["srs-rewrite", "srs-bypass"])
    #expect(r.warnings[1].message.contains("without SRS it would go relayed via [r.test]:587"))
    #expect(r.warnings[1].message.contains("SRS_EXCLUDE_DOMAINS=a.test"))
  }

  @Test("an excluded domain keeps its own entry, whatever the case")
  func excludedDomain() throws {
    let r = try route("user@a.test", env: ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test", "SRS_EXCLUDE_DOMAINS": "x.test,A.TEST"])
    #expect(r.rewrittenSender == nil)
    #expect(r.relay == "r.test:587")
    #expect(r.warnings.isEmpty)
  }

  @Test("without an '@SRS_DOMAINNAME' entry a rewritten sender goes to relayhost or direct")
  func fallsToDefault() throws {
    let r = try route("u@a.test", env: ["ENABLE_SRS": "1", "DOMAINNAME": "m.test"], relayMap: "@a.test [r.test]:587\n")
    #expect(r.outcome == .direct)
    #expect(r.rewrittenSender == "SRS0=HASH=TT=a.test=u@m.test")
    let relayed = try route(
      "u@a.test", env: ["ENABLE_SRS": "1", "DOMAINNAME": "m.test", "DEFAULT_RELAY_HOST": "[d.test]:25"],
      relayMap: "@a.test [r.test]:587\n")
    #expect(relayed.relay == "d.test:25")
    #expect(relayed.decidedBy == "relayhost")
  }

  @Test("a blank in SRS_EXCLUDE_DOMAINS defers every sender: postsrsd never starts")
  func blanksDeferEverything() throws {
    let env = ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test", "SRS_EXCLUDE_DOMAINS": "a.test, b.test"]
    for sender in ["u@a.test", "u@srs.test", "u@other.test"] {
      let r = try route(sender, env: env)
      #expect(r.outcome == .deferred)
      #expect(r.reason?.contains("cannot reach tcp:localhost:10001") == true)
    }
  }

  @Test("SRS off: routes are untouched and carry no SRS warning")
  func off() throws {
    let r = try route("u@a.test", env: ["SRS_DOMAINNAME": "srs.test"])
    #expect(r.rewrittenSender == nil)
    #expect(r.relay == "r.test:587")
    #expect(r.warnings.isEmpty)
  }

  @Test("preview rows of known domains follow the rewrite; the JSON names the rewritten sender")
  func previewRowsAndJSON() throws {
    let p = try preview(configuration(relayMap: relayMap, env: ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test"]), "15.1.0")
    let row = try #require(p.routes.first { $0.sender == "@a.test" })
    #expect(row.relay == "s.test:587")
    #expect(row.rewrittenSender == "SRS0=HASH=TT=a.test=@srs.test")
    let json = String(decoding: Reports.previewJSONBytes(p), as: UTF8.self)
    #expect(json.contains("\"rewritten_sender\""))
    #expect(json.contains("\"SRS0=HASH=TT=a.test=@srs.test\""))
  }
}
