import Testing
@testable import RelayModel

/// Ports written as service names resolve through Postfix's default `known_tcp_ports`
/// (spec §5): `[h]:submission` is 587, and `smtps`/`submissions` are port 465 for the checks.
@Suite("Next hops: ports as numbers and known_tcp_ports names")
struct NextHopTests {
  @Test(
    "known_tcp_ports names and numbers give the port Postfix connects to",
    arguments: [
      ("[r.test]:submission", 587), ("[r.test]:smtps", 465), ("[r.test]:submissions", 465),
      ("[r.test]:smtp", 25), ("[r.test]:lmtp", 24), ("r.test:submission", 587), ("[r.test]:0587", 587),
      ("[r.test]:2525", 2525), ("[r.test]", 25),
    ])
  func servicePorts(_ written: String, _ port: Int) throws {
    let hop = try NextHop.parse(written).get()
    #expect(hop.port == port)
    #expect(hop.host == "r.test")
    #expect(hop.written == written)
  }

  @Test(
    "names outside known_tcp_ports, signs and out-of-range numbers do not parse",
    arguments: ["[r.test]:imap", "[r.test]:Submission", "[r.test]:+587", "[r.test]:0", "[r.test]:65536", "[r.test]:"])
  func unknownPorts(_ written: String) {
    guard case .failure(.invalid(_, let reason)) = NextHop.parse(written) else {
      Issue.record("'\(written)' parsed")
      return
    }
    #expect(reason.contains("known_tcp_ports"))
  }

  @Test("the port-465 diagnostic fires for :smtps and :submissions, in the relay map and the environment")
  func port465ByName() throws {
    for name in ["smtps", "submissions"] {
      let map = try preview(
        configuration(relayMap: "@a.test [r.test]:\(name)\n", sasl: "@a.test u:p\n"), "15.1.0")
      #expect(map.diagnostics.contains { $0.id == .port465 && $0.message.contains("[r.test]:\(name)") })
      let env = try preview(configuration(env: ["RELAY_HOST": "r.test", "RELAY_PORT": name]), "13.3.1")
      #expect(env.diagnostics.contains { $0.id == .port465 })
      let defaultRelay = try preview(configuration(env: ["DEFAULT_RELAY_HOST": "[r.test]:\(name)"]), "edge")
      #expect(defaultRelay.diagnostics.contains { $0.id == .port465 })
    }
    let submission = try preview(
      configuration(relayMap: "@a.test [r.test]:submission\n", sasl: "@a.test u:p\n"), "15.1.0")
    #expect(!submission.diagnostics.contains { $0.id == .port465 || $0.id == .unparseableRelay })
  }

  @Test("a relay written [h]:submission routes to port 587; [h]:smtps times out like 465")
  func routesByServiceName() {
    let config = configuration(
      relayMap: "@a.test [r.test]:submission\n@b.test [r.test]:smtps\n", sasl: "@a.test u:p\n@b.test u:p\n",
      accounts: "u@a.test|{X}y\nu@b.test|{X}y\n")
    let router = Router(state: Generator.generate(config, family: .v14plus))
    let submission = router.route("u@a.test")
    #expect(submission.outcome == .relayed)
    #expect(submission.relay == "r.test:587")
    #expect(router.route("u@b.test").outcome == .deferred)
  }
}
