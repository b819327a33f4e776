import Testing
@testable import RelayModel

/// The SRS and forwarded-mail diagnostics, per version and setting (spec §9).
@Suite("SRS diagnostics")
struct SRSCheckTests {
  let relayMap = "@a.test [r.test]:587\n@b.test [r.test]:587\n"

  @Test("a blank in SRS_EXCLUDE_DOMAINS is an error with the exact fix, worded per version", arguments: ["11.3.1", "15.1.0"])
  func blanks(version: String) throws {
    let env = ["ENABLE_SRS": "1", "DOMAINNAME": "m.test", "SRS_EXCLUDE_DOMAINS": "a.test, b.test"]
    let p = try preview(configuration(relayMap: relayMap, env: env), version)
    let d = try #require(p.first(.srsPostsrsdNeverStarts))
    #expect(d.severity == .error)
    #expect(d.fix == "remove the blanks: SRS_EXCLUDE_DOMAINS=a.test,b.test")
    #expect(d.message.contains(version == "11.3.1" ? "init script" : "env $(grep"))
    // Every route is deferred, and no other SRS diagnostic pretends postsrsd runs.
    #expect(p.routes.allSatisfy { $0.outcome == .deferred })
    #expect(!p.has(.srsRewritesSender))
  }

  @Test("the warning lists only the domains whose own route SRS changes, with a comma-only fix")
  func bypassedDomains() throws {
    let env = ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "m.test", "SRS_EXCLUDE_DOMAINS": "b.test"]
    let d = try #require(try preview(configuration(relayMap: relayMap, env: env), "15.1.0").first(.srsRewritesSender))
    #expect(d.message.contains("'@a.test'"))
    #expect(!d.message.contains("'@b.test'"))
    #expect(d.message.contains("goes direct to the recipient's MX instead"))
    #expect(d.fix.contains("SRS_EXCLUDE_DOMAINS=b.test,a.test"))
  }

  @Test("many bypassed domains: five named, the rest counted, the fix shortened")
  func manyDomains() throws {
    let map = (0..<8).map { "@d\($0).test [r.test]:587\n" }.joined()
    let d = try #require(
      try preview(configuration(relayMap: map, env: ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "m.test"]), "15.1.0")
        .first(.srsRewritesSender))
    #expect(d.message.contains("'@d4.test' and 3 more"))
    #expect(d.fix.contains("SRS_EXCLUDE_DOMAINS=d0.test,d1.test,d2.test,d3.test,d4.test,…"))
  }

  @Test("no warning when the SRS domain routes rewritten senders the same way")
  func sameRoute() throws {
    let env = ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "m.test"]
    let map = "@a.test [r.test]:587\n@m.test [r.test]:587\n"
    #expect(!(try preview(configuration(relayMap: map, env: env), "15.1.0").has(.srsRewritesSender)))
  }

  @Test("SRS_SENDER_CLASSES without envelope_sender leaves routing alone and says so")
  func headerOnly() throws {
    let env = ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "m.test", "SRS_SENDER_CLASSES": "header_sender"]
    let p = try preview(configuration(relayMap: relayMap, env: env), "15.1.0")
    #expect(!p.has(.srsRewritesSender))
    #expect(p.first(.srsDomain)?.message.contains("routing is unchanged") == true)
    #expect(p.route("u@a.test").relay == "r.test:587")
  }

  @Test("the SRS domain note says where the domain comes from, and asks for it when unknown")
  func domainNote() throws {
    let derived = try preview(configuration(env: ["ENABLE_SRS": "1", "OVERRIDE_HOSTNAME": "mail.h.test", "DOMAINNAME": "d.test"]), "15.1.0")
    let note = try #require(derived.first(.srsDomain))
    #expect(note.message.contains("DOMAINNAME='h.test'"))
    #expect(note.message.contains("DOMAINNAME='d.test' from the environment is ignored"))
    let unknown = try preview(configuration(relayMap: relayMap, env: ["ENABLE_SRS": "1"]), "15.1.0")
    #expect(unknown.first(.srsDomain)?.fix == "set SRS_DOMAINNAME so the preview does not have to guess")
    #expect(unknown.route("u@a.test").warnings.first?.message.contains("SRS_DOMAINNAME is unknown here") == true)
  }

  @Test("forwarded mail: its sender's route, rewritten with SRS; nothing for aliases inside the hosted domains")
  func forwardedMail() throws {
    let virtual = "fw@a.test x@b.test\nout@a.test y@gmail.test\n"
    let accounts = "u@b.test|{X}y\n"
    let plain = try preview(
      configuration(accounts: accounts, virtual: virtual, env: ["DEFAULT_RELAY_HOST": "[d.test]:587"]), "15.1.0")
    let d = try #require(plain.first(.forwardedMailSender))
    #expect(d.location == SourceLocation(file: VirtualFile.fileName, line: 2))
    #expect(d.message.contains("(no SRS rewrites it)"))
    #expect(d.message.contains("relayed via [d.test]:587"))
    #expect(d.message.contains("vacation replies use the null sender <>"))
    let srs = try preview(
      configuration(
        relayMap: "@m.test [s.test]:587\n", accounts: accounts, virtual: virtual,
        env: ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "m.test"]), "15.1.0")
    let withSRS = try #require(srs.first(.forwardedMailSender))
    #expect(withSRS.message.contains("postsrsd rewrites to SRS0=…@m.test"))
    #expect(withSRS.message.contains("relayed via [s.test]:587"))
    let inside = try preview(configuration(accounts: accounts, virtual: "fw@a.test x@b.test\nlocalpart y@gmail.test\n"), "15.1.0")
    #expect(!inside.has(.forwardedMailSender))
  }

  @Test("an exclusion written with '@' is flagged and does not exclude")
  func atInExclusion() throws {
    let env = ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "m.test", "SRS_EXCLUDE_DOMAINS": "@a.test"]
    let p = try preview(configuration(relayMap: relayMap, env: env), "15.1.0")
    #expect(p.first(.srsExcludeNeverMatches)?.fix == "write the bare domain: 'a.test'")
    #expect(p.route("u@a.test").rewrittenSender != nil)
  }
}
