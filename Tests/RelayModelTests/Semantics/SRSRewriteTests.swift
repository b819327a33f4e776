import Testing
@testable import RelayModel

/// postsrsd 1.10's rewrite rules as DMS configures them (spec §9).
@Suite("SRS rewrite rules")
struct SRSRewriteTests {
  func srs(_ env: [String: String], hostname: String? = nil, domainname: String? = nil) -> SRSRewrite {
    var environment = RelayEnvironment()
    for (key, value) in env { environment.set(key, value, origin: .envFile(path: "mailserver.env", line: 1)) }
    environment.containerHostname = hostname
    environment.containerDomainName = domainname
    return SRSRewrite(environment: environment)
  }

  @Test("an ordinary sender becomes SRS0=HASH=TT=domain=local@SRS_DOMAINNAME")
  func ordinary() {
    let rules = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "Srs.Test"])
    #expect(rules.rewritten("user@a.test") == "SRS0=HASH=TT=a.test=user@srs.test")
    #expect(rules.rewritten("x@sub.srs.test") == "SRS0=HASH=TT=sub.srs.test=x@srs.test")
  }

  @Test("senders at SRS_DOMAINNAME, in any case, stay as they are")
  func ownDomain() {
    let rules = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test"])
    #expect(rules.rewritten("user@SRS.Test") == nil)
  }

  @Test("exclusions match case-insensitively; a leading dot matches subdomains only")
  func exclusions() {
    let rules = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test", "SRS_EXCLUDE_DOMAINS": "A.test;.b.test"])
    #expect(rules.excludedDomains == ["a.test", ".b.test"])
    #expect(rules.rewritten("u@a.TEST") == nil)
    #expect(rules.rewritten("u@x.a.test") != nil)
    #expect(rules.rewritten("u@x.B.test") == nil)
    #expect(rules.rewritten("u@b.test") == "SRS0=HASH=TT=b.test=u@srs.test")
    #expect(srs(["ENABLE_SRS": "1", "SRS_EXCLUDE_DOMAINS": "@a.test"]).rewritten("u@a.test") != nil)
  }

  @Test("the null sender and addresses without a domain are never rewritten")
  func nullAndBare() {
    let rules = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test"])
    #expect(rules.rewritten("") == nil)
    #expect(rules.rewritten("user") == nil)
  }

  @Test("SRS addresses from elsewhere become SRS1 at SRS_DOMAINNAME")
  func alreadySRS() {
    let rules = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test"])
    #expect(rules.rewritten("SRS0=ab12=XY=orig.test=u@fwd.test") == "SRS1=HASH=fwd.test==ab12=XY=orig.test=u@srs.test")
    #expect(rules.rewritten("srs1+h=orig.test==ab=XY=o.test=u@fwd.test") == "SRS1=HASH=orig.test==ab=XY=o.test=u@srs.test")
    #expect(rules.rewritten("SRS0=ab12=XY=orig.test=u@srs.test") == nil)
    // "SRS1=" without a host part is refused by postsrsd: the sender stays.
    #expect(rules.rewritten("SRS1=hash@fwd.test") == nil)
  }

  @Test("off, or without envelope_sender in SRS_SENDER_CLASSES, nothing is rewritten")
  func inactive() {
    #expect(srs(["SRS_DOMAINNAME": "srs.test"]).rewritten("u@a.test") == nil)
    let headers = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test", "SRS_SENDER_CLASSES": "header_sender"])
    #expect(headers.rewritten("u@a.test") == nil)
    let both = srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.test", "SRS_SENDER_CLASSES": "envelope_sender,header_sender"])
    #expect(both.rewritten("u@a.test") != nil)
  }

  @Test("SRS_DOMAINNAME defaults to DOMAINNAME, itself derived from a host name of more than two labels")
  func domainDerivation() {
    #expect(srs(["ENABLE_SRS": "1", "DOMAINNAME": "d.test"]).domain.name == "d.test")
    #expect(srs(["ENABLE_SRS": "1", "DOMAINNAME": "d.test"]).domain.isAssumed)
    #expect(srs(["ENABLE_SRS": "1", "OVERRIDE_HOSTNAME": "mail.o.test", "DOMAINNAME": "d.test"]).domain.name == "o.test")
    #expect(srs(["ENABLE_SRS": "1", "OVERRIDE_HOSTNAME": "o.test", "DOMAINNAME": "d.test"]).domain.name == "d.test")
    #expect(srs(["ENABLE_SRS": "1", "OVERRIDE_HOSTNAME": "o.test"]).domain.name == "o.test")
    #expect(srs(["ENABLE_SRS": "1"], hostname: "mail", domainname: "c.test").domain.name == "c.test")
    #expect(srs(["ENABLE_SRS": "1", "DOMAINNAME": "d.test"], hostname: "mx.c.test").domain.name == "c.test")
    #expect(srs(["ENABLE_SRS": "1", "DOMAINNAME": "d.test"], hostname: "mx").domain.name == "d.test")
    #expect(srs(["ENABLE_SRS": "1", "SRS_DOMAINNAME": "s.test", "DOMAINNAME": "d.test"]).domain.name == "s.test")
    #expect(srs(["ENABLE_SRS": "1"]).domain.name == nil)
  }

  /// The containers of DMS's own `test/…/container_configuration/hostname.bats` (master),
  /// which assert `SRS_DOMAIN=` in /etc/default/postsrsd.
  @Test("the SRS domain DMS's own hostname tests expect")
  func dmsHostnameTests() {
    #expect(srs(["ENABLE_SRS": "1"], hostname: "mail.example.test").domain.name == "example.test")
    #expect(srs(["ENABLE_SRS": "1"], hostname: "bare-domain.test").domain.name == "bare-domain.test")
    let override = srs(["ENABLE_SRS": "1", "OVERRIDE_HOSTNAME": "mail.override.test"], hostname: "original.example.test")
    #expect(override.domain.name == "override.test")
    #expect(srs(["ENABLE_SRS": "1"], hostname: "mail", domainname: "example.test").domain.name == "example.test")
    let explicit = srs(
      ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "srs.example.test"], hostname: "mail", domainname: "example.test")
    #expect(explicit.domain.name == "srs.example.test")
  }

  @Test("a blank in SRS_EXCLUDE_DOMAINS stops postsrsd; commas and semicolons do not")
  func blanks() {
    #expect(srs(["ENABLE_SRS": "1", "SRS_EXCLUDE_DOMAINS": "a.test, b.test"]).neverStarts)
    #expect(srs(["ENABLE_SRS": "1", "SRS_EXCLUDE_DOMAINS": "a.test\tb.test"]).neverStarts)
    #expect(!srs(["ENABLE_SRS": "1", "SRS_EXCLUDE_DOMAINS": "a.test,b.test;c.test"]).neverStarts)
    #expect(!srs(["SRS_EXCLUDE_DOMAINS": "a.test, b.test"]).neverStarts)
  }
}

@Suite("SRS_SECRET is a secret")
struct SRSSecretTests {
  @Test("an env file's SRS_SECRET line is redacted in diffs like RELAY_PASSWORD")
  func redacted() {
    let line = Array("SRS_SECRET=s3cret-signing-key".utf8)
    let shown = String(decoding: Redaction.envFile.redact(line), as: UTF8.self)
    #expect(!shown.contains("s3cret"))
    #expect(shown.hasPrefix("SRS_SECRET="))
  }
}
