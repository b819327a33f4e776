import Foundation
import Testing
@testable import RelayModel

/// Credentials that direct mail offers to an MX advertising AUTH (spec §11).
@Suite("Credentials offered to any MX")
struct CredentialsOfferedTests {
  private let config = configuration(
    relayMap: "@a.test [ra.test]:587\n", sasl: "@a.test a-user:a-pass\n@c.test c-user:c-pass\n",
    accounts: "u@a.test|{X}y\nu@c.test|{X}y\nu@d.test|{X}y\n")

  @Test("a direct sender with a credentials entry stays direct and names the user offered")
  func offered() throws {
    let p = try preview(config, "15.1.0")
    let c = p.routeFor("u@c.test")
    #expect(c.outcome == .direct)
    #expect(c.authUser == nil)
    #expect(c.mxAuthUser == "c-user")
    #expect(!c.deferredByMXAuth)
    #expect(p.routeFor("u@d.test").mxAuthUser == nil)
    #expect(p.routeFor("u@a.test").mxAuthUser == nil)
    // Postfix never looks the null sender up as a sender.
    #expect(p.routeFor("<>").mxAuthUser == nil)
    let d = try #require(p.first(.credentialsOfferedToMX))
    #expect(d.location == SourceLocation(file: "postfix-sasl-password.cf", line: 2))
    #expect(!d.message.contains("c-pass"))
    // Offered to MXs is not "never used": one warning for the line, not two.
    #expect(!p.diagnostics.contains { $0.id == .unusedCredentials && $0.location == d.location })
  }

  @Test("one warning per credentials line: offered when a real sender goes direct, unused when only the file names it")
  func oneWarningPerLine() throws {
    let p = try preview(
      configuration(
        relayMap: "@a.test [ra.test]:587\n",
        sasl: "@a.test a-user:a-pass\n@e.test e-user:e-pass\n@f.test f-user:f-pass\nu@g.test g-user:g-pass\n",
        accounts: "u@a.test|{X}y\nu@f.test|{X}y\n"),
      "15.1.0")
    // The route still says what Postfix would offer, for either.
    #expect(p.routeFor("@e.test").mxAuthUser == "e-user")
    #expect(p.routeFor("u@f.test").mxAuthUser == "f-user")
    let onSasl = p.diagnostics.filter { $0.location?.file == "postfix-sasl-password.cf" }
      .sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
    #expect(onSasl.map(\.id) == [.unusedCredentials, .credentialsOfferedToMX, .unusedCredentials])
    #expect(onSasl.map { $0.location?.line } == [2, 3, 4])
    #expect(onSasl[1].message.contains("mail from @f.test goes direct"))
  }

  @Test("an unusable credentials table: direct mail, the null sender too, deferred at an MX with AUTH")
  func unusableTable() throws {
    let broken = configuration(
      relayMap: "@a.test [ra.test]:587\n", sasl: "@a.test a-user:a-pass\n@A.TEST x:y\n",
      accounts: "u@a.test|{X}y\nu@d.test|{X}y\n")
    let p = try preview(broken, "15.1.0")
    #expect(p.routeFor("u@d.test").outcome == .direct)
    #expect(p.routeFor("u@d.test").deferredByMXAuth)
    #expect(p.routeFor("<>").deferredByMXAuth)
    #expect(p.routeFor("u@a.test").outcome == .deferred)
    #expect(p.has(.mxAuthDefers))
  }

  @Test("route JSON carries the user offered and the deferral, text the warning")
  func reports() throws {
    let p = try preview(config, "15.1.0")
    var bytes: [UInt8] = []
    Reports.routesJSON([p.routeFor("u@c.test"), p.routeFor("u@d.test")]) { bytes += $0 }
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    #expect(parsed[0]["mx_auth_user"] as? String == "c-user")
    #expect(parsed[0]["deferred_if_mx_offers_auth"] as? Bool == false)
    #expect(parsed[1]["mx_auth_user"] is NSNull)
    #expect(Reports.routeText([p.routeFor("u@c.test")]).contains("would be offered to any MX that advertises AUTH"))
  }
}
