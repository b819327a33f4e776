import Testing
@testable import RelayModel

@Suite("Collision diagnostics")
struct CollisionTests {
  @Test("a glued entry is reported as a missing final newline, not as a collision")
  func gluedIsNotACollision() throws {
    let p = try preview(fixture: "missing-final-newline", version: "13.3.1")
    #expect(p.has(.missingFinalNewline))
    #expect(!p.has(.prefixCollision))
  }

  @Test("a hyphen lookalike blocks the dotted domain on v14 too")
  func hyphenLookalike() throws {
    let config = configuration(
      relayMap: "@example-com.test [other.test]:587\n", sasl: "@x.test u:p\n",
      accounts: "u@example.com.test|{X}y\n", env: ["RELAY_HOST": "r.test"])
    let p = try preview(config, "15.1.0")
    #expect(p.state.relayhostMap?.textLines == ["@example-com.test [other.test]:587"])
    let d = try #require(p.first(.prefixCollision))
    #expect(d.message.hasPrefix("'example.com.test' gets no RELAY_HOST entry"))
    #expect(d.location == SourceLocation(file: "postfix-relaymap.cf", line: 1))
    #expect(p.routeFor("u@example.com.test").outcome == .direct)
  }

  @Test("another domain's opt-out that DMS's grep also matches is named; a domain's own is not", arguments: ["13.3.1", "15.1.0"])
  func optOutLookalike(version: String) throws {
    let config = configuration(
      relayMap: "@x.test [x.relay.test]:587\n@example-com.test\n@own.test\n",
      sasl: "@x.test u:p\n[r.test]:25 ru:rp\n",
      accounts: "u@example.com.test|{X}y\nv@own.test|{X}y\nw@kept.test|{X}y\n",
      env: ["RELAY_HOST": "r.test"])
    let p = try preview(config, version)
    #expect(p.routeFor("u@example.com.test").decidedBy == nil)
    #expect(p.routeFor("w@kept.test").decidedBy == "relayhost_map:@kept.test")
    let collisions = p.diagnostics.filter { $0.id == .prefixCollision }
    #expect(collisions.count == 1)
    let d = try #require(collisions.first)
    #expect(d.message.hasPrefix("'example.com.test' gets no RELAY_HOST entry: DMS's opt-out check"))
    #expect(d.message.contains("'@example-com.test'"))
    #expect(d.location == SourceLocation(file: "postfix-relaymap.cf", line: 2))
  }
}
