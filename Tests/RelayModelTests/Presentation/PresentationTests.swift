import Testing
@testable import RelayModel

@Suite("How origins and routes read")
struct PresentationTests {
  @Test("an origin as a label and inside a sentence")
  func originWording() {
    let file = LineOrigin.file(name: "postfix-relaymap.cf", line: 3)
    #expect(file.reference == "postfix-relaymap.cf:3")
    #expect(file.phrase == "postfix-relaymap.cf:3")
    let generated = LineOrigin.generatedForDomain("a.test")
    #expect(generated.reference == "generated from RELAY_HOST for a.test")
    #expect(generated.phrase == "the RELAY_HOST entry DMS generates for 'a.test'")
    let env = LineOrigin.environment(["RELAY_HOST", "RELAY_USER", "RELAY_PASSWORD"])
    #expect(env.reference == "env RELAY_HOST+RELAY_USER+RELAY_PASSWORD")
    #expect(env.phrase == "RELAY_HOST+RELAY_USER+RELAY_PASSWORD")
  }

  @Test("a relayed route: summary, decision, AUTH and TLS with their origins")
  func relayedRouteTexts() throws {
    let p = try preview(fixture: "sasl-file-and-env-creds", version: "15.1.0")
    let route = p.routeFor("user@example.test")
    #expect(route.summary == "relayed via [smtp.relay.test]:587 as example-user")
    #expect(route.decisionText == "relayhost_map:@example.test ← generated from RELAY_HOST for example.test")
    #expect(p.routeFor("user@other.test").decisionText == "relayhost_map:@other.test ← postfix-relaymap.cf:1")
    #expect(route.authText.hasPrefix("user 'example-user' from sasl_passwd:@example.test ← postfix-sasl-password.cf:"))
    #expect(route.tlsText == "encrypt (required for every outbound connection)")
    #expect(route.relayEntry != nil && route.authEntry != nil)
  }

  @Test("a direct route says how direct delivery was decided")
  func directRouteTexts() throws {
    let p = try preview(configuration(accounts: "u@a.test|{X}y\n"), "15.1.0")
    let route = p.routeFor("u@a.test")
    #expect(route.summary == "direct to the recipient's MX")
    #expect(route.decisionText == "no relay map entry, no relayhost: direct to the MX")
    #expect(route.authText == "—")
    #expect(route.tlsText == "may")
    #expect(route.relayEntry == nil && route.authEntry == nil)
  }
}
