import Foundation
import Testing
@testable import RelayModel

/// Relay values as lists of next hops, and the `error` outcome (spec §5).
@Suite("Next-hop lists and the smtp error outcome")
struct NextHopListTests {
  @Test("the first hop carries the mail; the others are fallbacks, each parsed")
  func fallbacksListed() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587, [rb.test]:submission rc.test\n", sasl: "@a.test u:p\n",
      accounts: "u@a.test|{X}y\n")
    let route = try preview(config, "15.1.0").routeFor("u@a.test")
    #expect(route.outcome == .relayed)
    #expect(route.nexthop == "[ra.test]:587")
    #expect(route.fallbacks.map(\.written) == ["[rb.test]:submission", "rc.test"])
    #expect(route.fallbacks.map(\.relay) == ["rb.test:587", "rc.test:25"])
    #expect(route.fallbacks.allSatisfy { $0.isUsable })
    #expect(route.warnings.map(\.code) == ["extra-nexthops"])
  }

  @Test("a fallback is offered the sender's credentials, else its own hop's entry, else none; its entry counts as used")
  func fallbackCredentials() throws {
    let config = configuration(
      relayMap: """
        @a.test [ra.test]:587, [rb.test]:587
        @c.test [rc.test]:587, [rb.test]:587, [rd.test]:587

        """,
      sasl: "@a.test a-user:a-pass\n[rc.test]:587 c-user:c-pass\n[rb.test]:587 b-user:b-pass\n",
      accounts: "u@a.test|{X}y\nu@c.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    // The sender key decides at every hop.
    #expect(p.routeFor("u@a.test").fallbacks.map(\.authUser) == ["a-user"])
    // No sender key: each hop's own entry, or no AUTH.
    let c = p.routeFor("u@c.test")
    #expect(c.authUser == "c-user")
    #expect(c.fallbacks.map(\.authUser) == ["b-user", nil])
    #expect(c.fallbacksText == "[rb.test]:587 as b-user, [rd.test]:587")
    #expect(!p.has(.unusedCredentials))
    var bytes: [UInt8] = []
    Reports.routesJSON([c]) { bytes += $0 }
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    let hops = try #require(parsed[0]["fallbacks"] as? [[String: Any]])
    #expect(hops[0]["auth_user"] as? String == "b-user")
    #expect(hops[1]["auth_user"] is NSNull)
  }

  @Test("a word Postfix cannot parse after a working first hop: relayed, and said to be unusable")
  func unusableFallback() throws {
    let config = configuration(relayMap: "@a.test [ra.test]:587 # backup\n", accounts: "u@a.test|{X}y\n")
    let route = try preview(config, "15.1.0").routeFor("u@a.test")
    #expect(route.outcome == .relayed)
    #expect(route.fallbacks.map(\.isUsable) == [false, true])
    let warning = try #require(route.warnings.first { $0.code == "unusable-fallback" })
    #expect(warning.message.hasPrefix("'#' cannot be a next hop"))
    #expect(warning.message.contains("smtp client dies on it"))
  }

  @Test("an unparseable first hop is an smtp error, not a deferral")
  func unparseableFirstIsError() throws {
    let config = configuration(
      relayMap: "@a.test #[ra.test]:587\n@b.test [rb.test]:smtp-port\n", accounts: "u@a.test|{X}y\nu@b.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    #expect(p.routeFor("u@a.test").outcome == .error)
    #expect(p.routeFor("u@b.test").outcome == .error)
    #expect(p.routeFor("u@b.test").summary.hasPrefix("error: the next hop '[rb.test]:smtp-port' cannot be parsed"))
    #expect(p.routeFor("u@a.test").fallbacks.isEmpty)
  }

  @Test("a relay lookup that fails stays deferred: only a dying smtp client is an error")
  func duplicateKeyStaysDeferred() throws {
    let config = configuration(relayMap: "@a.test [r.test]:587\n@A.test [s.test]:587\n", accounts: "u@a.test|{X}y\n")
    #expect(try preview(config, "15.1.0").routeFor("u@a.test").outcome == .deferred)
  }

  @Test("error and fallbacks in route JSON and text")
  func reports() throws {
    let config = configuration(
      relayMap: "@a.test [ra.test]:587,# backup\n@b.test #[rb.test]:587\n", accounts: "u@a.test|{X}y\nu@b.test|{X}y\n")
    let p = try preview(config, "15.1.0")
    let routes = [p.routeFor("u@a.test"), p.routeFor("u@b.test")]
    var bytes: [UInt8] = []
    Reports.routesJSON(routes) { bytes += $0 }
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    let fallbacks = try #require(parsed[0]["fallbacks"] as? [[String: Any]])
    #expect(fallbacks.map { $0["nexthop"] as? String } == ["#", "backup"])
    #expect(fallbacks.map { $0["usable"] as? Bool } == [false, true])
    #expect(fallbacks[1]["relay"] as? String == "backup:25")
    #expect(fallbacks[0]["problem"] as? String != nil)
    #expect(parsed[1]["outcome"] as? String == "error")
    #expect((parsed[1]["fallbacks"] as? [Any])?.isEmpty == true)
    let text = Reports.routeText(routes)
    #expect(text.contains("  fallbacks, tried when [ra.test]:587 fails: # (cannot work), backup\n"))
    #expect(text.contains("u@b.test: error: the relay value starts with '#[rb.test]:587'"))
  }

  @Test("an smtp error counts as failing everywhere outcomes are counted")
  func errorFails() {
    #expect(RouteOutcome.error.fails)
    #expect(RouteOutcome.allCases.filter(\.fails) == [.deferred, .bounced, .error])
  }
}

/// The log side of next-hop lists: mail a fallback carried agrees with the prediction.
@Suite("Next-hop fallbacks in the observed log")
struct NextHopFallbackObservedTests {
  @Test("mail relayed by a usable fallback agrees; by a relay the value does not name, it does not")
  func fallbackAgrees() throws {
    let config = configuration(
      relayMap: "@a.test [smtp.down.test]:2525, [smtp.second.test]:587\n@b.test [smtp.b.test]:587\n",
      accounts: "u@a.test|{X}y\nu@b.test|{X}y\n")
    let log = """
      Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA1: from=<u@a.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA1: to=<r@y.test>, relay=smtp.second.test[192.0.2.9]:587, dsn=2.0.0, status=sent (250 ok)
      Dec  5 10:00:00 mail postfix/qmgr[1]: AAAAA2: from=<u@b.test>, size=1, nrcpt=1 (queue active)
      Dec  5 10:00:01 mail postfix/smtp[2]: AAAAA2: to=<r@y.test>, relay=smtp.second.test[192.0.2.9]:587, dsn=2.0.0, status=sent (250 ok)

      """
    let summaries = join(log, comparison: try comparison(config, "15.1.0")).joiner.summaries()
    let byDomain = Dictionary(uniqueKeysWithValues: summaries.map { ($0.domain, $0) })
    #expect(byDomain["a.test"]?.agrees == true)
    #expect(byDomain["a.test"]?.observed.map(\.route) == ["via smtp.second.test:587"])
    #expect(byDomain["b.test"]?.agrees == false)
  }
}
