import RelayLive
import RelayModel
import Testing

/// Which senders `check` tests and the plan each gets, from real DMS 14 configurations.
@Suite("Check plans from routes")
struct CheckPlanTests {
  @Test("default: one sender per distinct relay and login, with a real account address")
  func perRelay() throws {
    let (preview, configuration) = try TestWorld.preview(
      relaymap: "@a.test [smtp.one.test]:587\n@b.test [smtp.one.test]:587\n@c.test [smtp.two.test]:2525\n",
      sasl: "@a.test usera:pa\n@b.test usera:pa\n@c.test userc:pc\n",
      accounts: ["zed@a.test", "amy@b.test", "cat@c.test", "dan@direct.test"])
    let targets = preview.checkTargets(.perRelay, configuration: configuration)
    #expect(targets.map(\.sender) == ["zed@a.test", "cat@c.test"])
    let plan = try #require(targets[0].plan)
    #expect(plan.relay == "smtp.one.test:587")
    #expect(plan.nexthop.skipsMXLookup)
    #expect(plan.tlsLevel == .encrypt)
    #expect(plan.credentials?.user == "usera")
    #expect(plan.credentials?.password == "pa")
    #expect(plan.credentials?.decidedBy == "sasl_passwd:@a.test")
    #expect(!plan.wrapperMode)
  }

  @Test("wrappermode from postfix-main.cf or on the relay transport makes the check speak implicit TLS on 465")
  func wrapperModeFromOverrides() throws {
    let relaymap = "@a.test [smtp.one.test]:465\n"
    let sasl = "@a.test usera:pa\n"
    for files in [
      ["postfix-main.cf": "smtp_tls_wrappermode = yes\n"],
      ["postfix-master.cf": "smtp/unix/smtp_tls_wrappermode=yes\n"],
    ] {
      let (preview, configuration) = try TestWorld.preview(
        relaymap: relaymap, sasl: sasl, accounts: ["x@a.test"], files: files)
      #expect(preview.route("x@a.test").outcome == .relayed)
      let plan = try #require(preview.checkTargets(.senders(["x@a.test"]), configuration: configuration)[0].plan)
      #expect(plan.wrapperMode, "\(files)")
    }
    // Without it the 465 relay is predicted to time out, and the check connects as Postfix would.
    let (preview, configuration) = try TestWorld.preview(relaymap: relaymap, sasl: sasl, accounts: ["x@a.test"])
    let plan = try #require(preview.checkTargets(.senders(["x@a.test"]), configuration: configuration)[0].plan)
    #expect(!plan.wrapperMode)
  }

  @Test("the credentials are the route's own: by relay host when no sender key has any")
  func byRelayKey() throws {
    let (preview, configuration) = try TestWorld.preview(
      relaymap: "@a.test [smtp.one.test]:587\n", sasl: "smtp.one.test hostuser:hostpass\n", accounts: ["x@a.test"])
    let plan = try #require(preview.checkTargets(.senders(["x@a.test"]), configuration: configuration)[0].plan)
    #expect(plan.credentials?.user == "hostuser")
    #expect(plan.credentials?.decidedBy == "sasl_passwd:smtp.one.test")
    #expect(plan.credentials?.user == preview.route("x@a.test").authUser)
  }

  @Test("--all reports direct senders as skipped; a domain without accounts uses postmaster@")
  func all() throws {
    let (preview, configuration) = try TestWorld.preview(
      relaymap: "@a.test [smtp.one.test]:587\n", sasl: nil, accounts: ["dan@direct.test"])
    let targets = preview.checkTargets(.all, configuration: configuration)
    #expect(targets.map(\.sender).sorted() == ["dan@direct.test", "postmaster@a.test"])
    let direct = try #require(targets.first { $0.sender == "dan@direct.test" }?.resultWithoutCheck)
    #expect(direct.verdict == .skipped)
    #expect(direct.explanation.contains("goes direct"))
    let relayed = try #require(targets.first { $0.sender == "postmaster@a.test" }?.plan)
    #expect(relayed.tlsLevel == .may)
    #expect(relayed.credentials == nil)
  }

  @Test("a 465 relay is still checked (to show the greeting timeout); an unparsable relay fails at plan")
  func deferredRoutes() throws {
    let (preview, configuration) = try TestWorld.preview(
      relaymap: "@a.test [smtp.one.test]:465\n@b.test [smtp.one.test:587\n", sasl: nil, accounts: ["x@a.test", "y@b.test"])
    let targets = preview.checkTargets(.senders(["x@a.test", "y@b.test"]), configuration: configuration)
    #expect(targets[0].plan?.nexthop.port == 465)
    let unparsable = try #require(targets[1].resultWithoutCheck)
    #expect(unparsable.verdict == .failed)
    #expect(unparsable.failedStep == .plan)
    #expect(unparsable.explanation.contains("'[smtp.one.test:587' cannot be parsed"))
  }

  @Test("credentials never print their password")
  func credentialsRedacted() {
    let credentials = CheckCredentials(user: "u", password: "TopSecret1", decidedBy: nil, origin: nil)
    #expect(!"\(credentials)".contains("TopSecret1"))
    #expect(!String(reflecting: credentials).contains("TopSecret1"))
    var dumped = ""
    dump(credentials, to: &dumped)
    #expect(!dumped.contains("TopSecret1"))
  }

  @Test("the mechanism Postfix's Cyrus client picks")
  func mechanisms() {
    #expect(CheckPlan.mechanism(offered: ["LOGIN", "PLAIN"]) == ("PLAIN", "PLAIN"))
    #expect(CheckPlan.mechanism(offered: ["LOGIN"]) == ("LOGIN", "LOGIN"))
    #expect(CheckPlan.mechanism(offered: ["PLAIN", "CRAM-MD5"]) == ("CRAM-MD5", "PLAIN"))
    #expect(CheckPlan.mechanism(offered: ["XOAUTH2"]) == (nil, nil))
  }

  @Test("the JSON document has the documented shape")
  func json() {
    let result = CheckResult(
      sender: "a@b.test", relay: "smtp.b.test:587", verdict: .failed, failedStep: .auth,
      steps: [CheckStep(.auth, ok: false, reply: "535 5.7.8 no", milliseconds: 12)], explanation: "why")
    #expect(
      CheckResult.json([result]) == """
        [
          {
            "sender": "a@b.test",
            "relay": "smtp.b.test:587",
            "verdict": "failed",
            "failed_step": "auth",
            "steps": [
              {
                "step": "auth",
                "ok": false,
                "reply": "535 5.7.8 no",
                "ms": 12
              }
            ],
            "explanation": "why"
          }
        ]

        """)
  }

  @Test("certificate names match exactly or through one wildcard label")
  func certificateNames() {
    #expect(CertificateSummary.matches("smtp.example.test", names: ["SMTP.example.test"]))
    #expect(CertificateSummary.matches("smtp.example.test", names: ["*.example.test"]))
    #expect(!CertificateSummary.matches("a.smtp.example.test", names: ["*.example.test"]))
    #expect(!CertificateSummary.matches("example.test", names: ["*.example.test"]))
  }
}
