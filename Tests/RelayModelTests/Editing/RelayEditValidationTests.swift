import Testing

@testable import RelayModel

@Suite("RelayEdit rejects bad input with a message naming the field")
struct RelayEditValidationTests {
  static let badDomains: [(String, String)] = [
    ("", "the domain is empty"),
    ("@example.com", "domain '@example.com' must be given without the leading '@'"),
    ("exa mple.com", "domain 'exa mple.com' contains ' '; only letters, digits, '-' and '.' are allowed"),
    ("bad_domain.test", "domain 'bad_domain.test' contains '_'; only letters, digits, '-' and '.' are allowed"),
    ("-a.test", "domain '-a.test' has a label starting or ending with '-' ('-a')"),
    ("a-.test", "domain 'a-.test' has a label starting or ending with '-' ('a-')"),
    ("a..test", "domain 'a..test' has an empty label (two dots in a row or a leading dot)"),
    ("a.test.", "domain 'a.test.' must not end with '.'"),
    ("exämple.test", "domain 'exämple.test' is not ASCII; give an internationalised domain in its punycode form (xn--…)"),
    ("a*.test", "domain 'a*.test' contains '*'; only letters, digits, '-' and '.' are allowed"),
    ("1.2.3", "domain '1.2.3' is neither a host name nor an IPv4 address (its last label is numeric)"),
    (String(repeating: "a", count: 64) + ".test",
     "domain '\(String(repeating: "a", count: 64)).test' has a label longer than 63 characters ('\(String(repeating: "a", count: 64))')"),
    (Array(repeating: "abcdefghi", count: 26).joined(separator: "."),
     "domain '\(Array(repeating: "abcdefghi", count: 26).joined(separator: "."))' is longer than 253 characters"),
  ]

  @Test("bad domains", arguments: badDomains)
  func badDomain(_ domain: String, _ message: String) {
    #expect(throws: Never.self) { try RelayEdit.excludeDomain(domain: "ok.test").validate() }
    do {
      try RelayEdit.excludeDomain(domain: domain).validate()
      Issue.record("'\(domain)' accepted")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("good domains, IDN in punycode included", arguments: [
    "example.com", "xn--exmple-cua.test", "a-b.c-d.test", "localhost", "EXAMPLE.com", "123.example",
    String(repeating: "a", count: 63) + ".test",
  ])
  func goodDomain(_ domain: String) throws {
    try RelayEdit.delDomain(domain: domain).validate()
  }

  static let badHosts: [(String, String)] = [
    ("", "the host is empty"),
    ("[smtp.test]", "host '[smtp.test]' must be given without brackets; dms-relay writes '[HOST]:PORT' itself"),
    ("smtp.test:587", "host 'smtp.test:587' must not contain a port or ':'; give the port as its own argument"),
    ("smtp relay", "host 'smtp relay' contains ' '; only letters, digits, '-' and '.' are allowed"),
    ("256.1.1.1", "host '256.1.1.1' is neither a host name nor an IPv4 address (its last label is numeric)"),
    ("2001:db8::g", "host '2001:db8::g' must not contain a port or ':'; give the port as its own argument"),
  ]

  @Test("bad hosts", arguments: badHosts)
  func badHost(_ host: String, _ message: String) {
    #expect(throws: EditError.self) { try RelayEdit.addDomain(domain: "a.test", host: host).validate() }
    do { try RelayEdit.validateHost(host); Issue.record("'\(host)' was accepted") } catch { #expect(error.description == message) }
  }

  @Test("good hosts", arguments: ["smtp.relay.test", "10.0.0.1", "2001:db8::1", "::1", "relay", "email-smtp.eu-west-1.amazonaws.com"])
  func goodHost(_ host: String) throws {
    try RelayEdit.addDomain(domain: "a.test", host: host, port: 587).validate()
  }

  static let badPorts: [(String, String)] = [
    ("0", "port '0' is out of range (expected 1-65535)"),
    ("65536", "port '65536' is out of range (expected 1-65535)"),
    ("abc", "port 'abc' is not a number (expected 1-65535)"),
    ("-1", "port '-1' is not a number (expected 1-65535)"),
    ("", "port '' is not a number (expected 1-65535)"),
    ("99999999999999999999", "port '99999999999999999999' is out of range (expected 1-65535)"),
  ]

  @Test("bad ports as typed", arguments: badPorts)
  func badPort(_ text: String, _ message: String) {
    do {
      _ = try RelayEdit.parsePort(text)
      Issue.record("'\(text)' accepted")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("ports 1 and 65535 are fine; 0 as an Int is refused")
  func portBounds() throws {
    #expect(try RelayEdit.parsePort("1") == 1)
    #expect(try RelayEdit.parsePort("65535") == 65535)
    #expect(throws: EditError.invalid(.port, value: "0", reason: "is out of range (expected 1-65535)")) {
      try RelayEdit.addDomain(domain: "a.test", host: "h", port: 0).validate()
    }
  }

  static let badUsers: [(String, String)] = [
    ("", "the user is empty"),
    ("relay user", "user 'relay user' must not contain whitespace or control characters"),
    ("relay\tuser", "user 'relay\tuser' must not contain whitespace or control characters"),
    ("relay:user", "user 'relay:user' must not contain ':'; Postfix splits 'user:password' at the first ':'"),
  ]

  @Test("bad users", arguments: badUsers)
  func badUser(_ user: String, _ message: String) {
    do {
      try RelayEdit.addAuth(domain: "a.test", user: user, password: "pw").validate()
      Issue.record("'\(user)' accepted")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("bad passwords are reported without echoing them", arguments: [
    ("", "password is empty"),
    ("sec\nret", "password must not contain a line break"),
    ("sec\rret", "password must not contain a line break"),
  ])
  func badPassword(_ password: String, _ message: String) {
    do {
      try RelayEdit.addAuth(domain: "a.test", user: "u", password: password).validate()
      Issue.record("accepted")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test("passwords may contain ':', '#', '&', '/', spaces and unicode")
  func goodPassword() throws {
    try RelayEdit.addAuth(domain: "a.test", user: "user@a.test", password: "p:a#s&s/ w ö").validate()
  }

  @Test("env keys are limited to the relay variables")
  func envKeys() throws {
    for key in RelayEnvironment.relayKeys { try RelayEdit.setEnv(key: key, value: "").validate() }
    do {
      try RelayEdit.setEnv(key: "PERMIT_DOCKER", value: "network").validate()
      Issue.record("accepted")
    } catch {
      #expect(error.description == "variable name 'PERMIT_DOCKER' is not a relay variable (expected one of RELAY_HOST, RELAY_PORT, RELAY_USER, RELAY_PASSWORD, DEFAULT_RELAY_HOST, SASL_PASSWD, ACCOUNT_PROVISIONER, DOMAINNAME, OVERRIDE_HOSTNAME, ENABLE_SRS, SRS_EXCLUDE_DOMAINS)")
    }
  }

  @Test("env values: one line; RELAY_PORT a port; RELAY_HOST a bare host; secrets not echoed")
  func envValues() {
    let cases: [(RelayEdit, String)] = [
      (.setEnv(key: "RELAY_HOST", value: "a\nb"), "value 'a\nb' of RELAY_HOST must not contain a line break"),
      (.setEnv(key: "RELAY_PASSWORD", value: "a\rb"), "value of RELAY_PASSWORD must not contain a line break"),
      (.setEnv(key: "RELAY_PORT", value: "0"), "value '0' of RELAY_PORT is not a port (expected 1-65535)"),
      (.setEnv(key: "RELAY_PORT", value: "smtp"), "value 'smtp' of RELAY_PORT is not a port (expected 1-65535)"),
      (.setEnv(key: "RELAY_HOST", value: "smtp.test:587"),
       "value 'smtp.test:587' of RELAY_HOST must not contain a port or ':'; give the port as its own argument"),
      (.setEnv(key: "RELAY_HOST", value: "[smtp.test]"),
       "value '[smtp.test]' of RELAY_HOST must be given without brackets; dms-relay writes '[HOST]:PORT' itself"),
    ]
    for (edit, message) in cases {
      do {
        try edit.validate()
        Issue.record("\(edit) accepted")
      } catch {
        #expect(error.description == message)
      }
    }
  }

  @Test("apply validates first and leaves the document alone")
  func applyValidates() {
    let doc = TextDocument(text: "@a.test [h]:25\n")
    #expect(throws: EditError.invalid(.port, value: "70000", reason: "is out of range (expected 1-65535)")) {
      try RelayEdit.addDomain(domain: "a.test", host: "h", port: 70000).apply(to: doc, fileName: "x")
    }
    #expect(doc.text == "@a.test [h]:25\n")
  }

  @Test("summaries never contain the password")
  func summaries() {
    #expect(RelayEdit.addAuth(domain: "a.test", user: "u", password: "hunter2").summary == "credentials for '@a.test' (user 'u')")
    #expect(RelayEdit.setEnv(key: "RELAY_PASSWORD", value: "hunter2").summary == "set RELAY_PASSWORD")
    #expect(RelayEdit.setEnv(key: "RELAY_HOST", value: "h").summary == "set RELAY_HOST='h'")
  }
}
