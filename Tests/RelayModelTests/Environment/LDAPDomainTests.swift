import Testing

@testable import RelayModel

/// The domain DMS adds for LDAP setups is `DOMAINNAME` as its start settles it
/// (`helpers/dns.sh`): the host name minus its first label when it has more than two,
/// whether the host name comes from `OVERRIDE_HOSTNAME` or the compose file.
@Suite("LDAP: the domain DMS derives")
struct LDAPDomainTests {
  func domain(_ env: [String: String], hostname: String? = nil, domainname: String? = nil) -> String? {
    var environment = RelayEnvironment()
    for (key, value) in env { environment.set(key, value, origin: .envFile(path: "mailserver.env", line: 1)) }
    environment.containerHostname = hostname
    environment.containerDomainName = domainname
    return environment.derivedDomainName
  }

  @Test("OVERRIDE_HOSTNAME with three labels gives the rest, over DOMAINNAME")
  func override() {
    #expect(domain(["OVERRIDE_HOSTNAME": "mail.example.test", "DOMAINNAME": "other.test"]) == "example.test")
    #expect(domain(["OVERRIDE_HOSTNAME": "example.test", "DOMAINNAME": "other.test"]) == "other.test")
    #expect(domain(["OVERRIDE_HOSTNAME": "example.test"]) == "example.test")
  }

  /// Before, only `OVERRIDE_HOSTNAME` was read: a compose `hostname:` left the domain
  /// unknown (or the environment's `DOMAINNAME`, which DMS replaces).
  @Test("the compose file's hostname: (and domainname:) count like OVERRIDE_HOSTNAME")
  func compose() {
    #expect(domain([:], hostname: "mail.example.test") == "example.test")
    #expect(domain(["DOMAINNAME": "other.test"], hostname: "mail.example.test") == "example.test")
    #expect(domain([:], hostname: "mail", domainname: "example.test") == "example.test")
    #expect(domain(["DOMAINNAME": "other.test"], hostname: "mail") == "other.test")
    #expect(domain(["OVERRIDE_HOSTNAME": "mx.a.test"], hostname: "mail.b.test") == "a.test")
  }

  @Test("nothing names the host: the environment's DOMAINNAME, else unknown")
  func unknown() {
    #expect(domain(["DOMAINNAME": "ldap.test"]) == "ldap.test")
    #expect(domain([:]) == nil)
  }

  @Test("generate's vhost gets the derived domain under LDAP")
  func vhost() {
    var environment = RelayEnvironment()
    environment.set("ACCOUNT_PROVISIONER", "LDAP", origin: .envFile(path: "mailserver.env", line: 1))
    environment.containerHostname = "mail.example.test"
    let lines = ManagedDomains.vhost(accounts: nil, virtual: nil, environment: environment)
    #expect(lines.map { String(decoding: $0, as: UTF8.self) } == ["example.test"])
  }
}
