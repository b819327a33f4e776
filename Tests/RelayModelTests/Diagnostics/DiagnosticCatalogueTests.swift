import Testing
@testable import RelayModel

/// A configuration and version that produce one diagnostic, with where it must point and a
/// piece of what it must say.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
  var id: DiagnosticID
  var version: String
  var configuration: Configuration
  var location: RelayModel.SourceLocation?
  var says: String

  var testDescription: String { "\(id.rawValue) on \(version)" }
}

let relayMapFile = RelayMapFile.fileName
let saslFile = SaslPasswordFile.fileName

/// One producer per diagnostic code: `everyCodeHasAProducer` fails when a code is added
/// without one.
let diagnosticCases: [DiagnosticCase] = [
  DiagnosticCase(
    id: .noCredentialsSmtpDies, version: "13.3.1",
    configuration: configuration(accounts: "u@a.test|{X}y\n", env: ["RELAY_HOST": "r.test"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "no outbound mail will leave"),
  DiagnosticCase(
    id: .relayMapIgnored, version: "13.3.1", configuration: configuration(relayMap: "# c\n@a.test [r.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 2), says: "ignores postfix-relaymap.cf because RELAY_HOST is empty"),
  DiagnosticCase(
    id: .saslFileIgnored, version: "12.1.0", configuration: configuration(sasl: "@a.test u:p\n"),
    location: SourceLocation(file: saslFile, line: 1), says: "no credentials are sent"),
  DiagnosticCase(
    id: .envCredentialsUnused, version: "13.3.1",
    configuration: configuration(env: ["DEFAULT_RELAY_HOST": "[d.test]:587", "RELAY_USER": "u", "RELAY_PASSWORD": "p"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "never used with DEFAULT_RELAY_HOST"),
  DiagnosticCase(
    id: .credentialsKeyedToDefaultRelay, version: "15.1.0",
    configuration: configuration(env: [
      "DEFAULT_RELAY_HOST": "[d.test]:587", "RELAY_HOST": "r.test", "RELAY_USER": "u", "RELAY_PASSWORD": "p",
    ]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "DMS keys RELAY_USER's credentials to [d.test]:587"),
  DiagnosticCase(
    id: .duplicateKey, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587\n@A.test [s.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "relayhost_map has the key '@a.test' 2 times"),
  DiagnosticCase(
    id: .missingFinalNewline, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "the file has no final newline"),
  DiagnosticCase(
    id: .crlfLineEndings, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587\r\n@b.test [r.test]:587\r\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "the file has CRLF line endings"),
  DiagnosticCase(
    id: .continuationLine, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587\n  @b.test [s.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 2), says: "continuation of line 1's entry: '@b.test' silently disappears"),
  DiagnosticCase(
    id: .commentAsRelay, version: "15.1.0", configuration: configuration(relayMap: "@a.test #[r.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "Postfix does not strip comments"),
  DiagnosticCase(
    id: .trailingComment, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587 # main relay\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'# main relay' is part of the value"),
  DiagnosticCase(
    id: .unparseableRelay, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:smtp-port\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'smtp-port' is not a port number"),
  DiagnosticCase(
    id: .keyWithoutValue, version: "15.1.0", configuration: configuration(relayMap: "user@a.test\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'user@a.test' has no relay and is not an opt-out"),
  DiagnosticCase(
    id: .keyNotAnAddress, version: "15.1.0", configuration: configuration(relayMap: "a.test [r.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'a.test' is not a sender"),
  DiagnosticCase(
    id: .optOutNeedsRelayHost, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587\n@b.test \n"),
    location: SourceLocation(file: relayMapFile, line: 2), says: "opt-out lines only exclude domains from RELAY_HOST, which is not set"),
  DiagnosticCase(
    id: .uppercaseKey, version: "15.1.0",
    configuration: configuration(relayMap: "@A.test\n", accounts: "u@a.test|{X}y\n", env: ["RELAY_HOST": "r.test"]),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'@A.test' does not opt out 'a.test'"),
  DiagnosticCase(
    id: .prefixCollision, version: "13.3.1",
    configuration: configuration(
      relayMap: "@a.test.au [o.test]:587\n", sasl: "@a.test.au u:p\n", accounts: "u@a.test|{X}y\n",
      env: ["RELAY_HOST": "r.test"]),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'a.test' gets no RELAY_HOST entry: DMS's check grep '^@a.test\\b'"),
  DiagnosticCase(
    id: .regexCharacterInDomain, version: "15.1.0", configuration: configuration(relayMap: "@a*b.test [r.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "'a*b.test' contains a regular-expression character"),
  DiagnosticCase(
    id: .domainsGlued, version: "13.3.1",
    configuration: configuration(
      sasl: "@a.test u:p\n", accounts: "u@a.test|{X}y", virtual: "alias@b.test u@a.test\n", env: ["RELAY_HOST": "r.test"]),
    location: SourceLocation(file: AccountsFile.fileName, line: 1), says: "it maps 'a.testb.test'"),
  DiagnosticCase(
    id: .relayHostHasPort, version: "15.1.0", configuration: configuration(env: ["RELAY_HOST": "r.test:587"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "RELAY_HOST='r.test:587' becomes '[r.test:587]:25'"),
  DiagnosticCase(
    id: .halfEnvCredentials, version: "15.1.0", configuration: configuration(env: ["RELAY_HOST": "r.test", "RELAY_USER": "u"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "RELAY_USER is set but RELAY_PASSWORD is empty"),
  DiagnosticCase(
    id: .ldapWithRelayHost, version: "13.3.1",
    configuration: configuration(env: ["RELAY_HOST": "r.test", "ACCOUNT_PROVISIONER": "LDAP"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "maps no LDAP domains to RELAY_HOST"),
  DiagnosticCase(
    id: .relayFilesApplyAtRestart, version: "edge",
    configuration: configuration(relayMap: "@a.test [r.test]:587\n", env: ["ACCOUNT_PROVISIONER": "LDAP"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "takes effect at the next restart"),
  DiagnosticCase(
    id: .srsRewritesSender, version: "15.1.0",
    configuration: configuration(relayMap: "@a.test [r.test]:587\n", env: ["ENABLE_SRS": "1", "DOMAINNAME": "m.test"]),
    location: SourceLocation(file: "mailserver.env", line: 1),
    says: "rewrites the envelope sender of all mail from '@a.test' to SRS0=…@m.test before the relay lookup"),
  DiagnosticCase(
    id: .srsPostsrsdNeverStarts, version: "13.3.1",
    configuration: configuration(
      relayMap: "@a.test [r.test]:587\n", env: ["ENABLE_SRS": "1", "SRS_EXCLUDE_DOMAINS": "a.test, b.test"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "so postsrsd never starts"),
  DiagnosticCase(
    id: .srsDomain, version: "15.1.0", configuration: configuration(env: ["ENABLE_SRS": "1", "SRS_DOMAINNAME": "s.test"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "the domain is SRS_DOMAINNAME='s.test'"),
  DiagnosticCase(
    id: .srsExcludeNeverMatches, version: "15.1.0",
    configuration: configuration(env: ["ENABLE_SRS": "1", "SRS_EXCLUDE_DOMAINS": "@a.test"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "entry '@a.test' contains '@'"),
  DiagnosticCase(
    id: .forwardedMailSender, version: "15.1.0",
    configuration: configuration(virtual: "# forwards\nfw@a.test x@gmail.test\n", env: ["DEFAULT_RELAY_HOST": "[d.test]:587"]),
    location: SourceLocation(file: VirtualFile.fileName, line: 2), says: "so it goes like mail from a sender no file knows — relayed via [d.test]:587"),
  DiagnosticCase(
    id: .legacySaslPasswd, version: "13.3.1", configuration: configuration(env: ["SASL_PASSWD": "[r.test]:25 u:p"]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "SASL_PASSWD was removed in DMS 12 and is ignored by 13.3.1"),
  DiagnosticCase(
    id: .port465, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:465\n"),
    location: SourceLocation(file: relayMapFile, line: 1), says: "[r.test]:465 uses port 465"),
  DiagnosticCase(
    id: .encryptForcesDirectTLS, version: "15.1.0",
    configuration: configuration(
      relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n", accounts: "u@a.test|{X}y\nv@b.test|{X}y\n"),
    location: nil, says: "direct mail (@b.test, <>) is deferred by any MX without STARTTLS"),
  DiagnosticCase(
    id: .unusedCredentials, version: "15.1.0",
    configuration: configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n@gone.test g:p\n", accounts: "u@a.test|{X}y\n"),
    location: SourceLocation(file: saslFile, line: 2), says: "no known sender matches '@gone.test'"),
  DiagnosticCase(
    id: .relayWithoutCredentials, version: "15.1.0",
    configuration: configuration(
      relayMap: "@a.test [r.test]:587\n@b.test [s.test]:587\n", sasl: "@a.test u:p\n",
      accounts: "u@a.test|{X}y\nv@b.test|{X}y\n"),
    location: SourceLocation(file: relayMapFile, line: 2), says: "mail relayed via [s.test]:587 (@b.test) is sent without AUTH"),
  DiagnosticCase(
    id: .credentialsWithoutColon, version: "15.1.0",
    configuration: configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test just-a-user\n"),
    location: SourceLocation(file: saslFile, line: 1), says: "the credentials for '@a.test' have no ':'"),
  DiagnosticCase(
    id: .emptySaslUser, version: "15.1.0", configuration: configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test :p\n"),
    location: SourceLocation(file: saslFile, line: 1), says: "the credentials for '@a.test' have an empty user name"),
  DiagnosticCase(
    id: .inputsRewritten, version: "15.1.0",
    configuration: configuration(relayMap: "@a.test [r.test]:587\n", accounts: "u@a.test|{X}y\r\n"),
    location: SourceLocation(file: AccountsFile.fileName), says: "rewrites postfix-accounts.cf in place at start"),
  DiagnosticCase(
    id: .unknownFutureVersion, version: "99.0.1", configuration: configuration(relayMap: "@a.test [r.test]:587\n"),
    location: nil, says: "DMS 99.0.1 is newer than any release this tool knows"),
  DiagnosticCase(
    id: .noRelayConfigured, version: "15.1.0", configuration: configuration(accounts: "u@a.test|{X}y\n"),
    location: nil, says: "no relay is configured: all mail is delivered directly"),
  // Secrets from files (spec §10)
  DiagnosticCase(
    id: .fileVariableIgnored, version: "15.0.2", configuration: fileSecretConfiguration(.read(hostPath: "pw", value: "p")),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "DMS 15.0.2 ignores RELAY_PASSWORD__FILE"),
  DiagnosticCase(
    id: .fileVariableBlocked, version: "15.1.0",
    configuration: fileSecretConfiguration(.read(hostPath: "pw", value: "p"), env: ["RELAY_PASSWORD": ""]),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "so DMS skips RELAY_PASSWORD__FILE"),
  DiagnosticCase(
    id: .fileVariableMissing, version: "15.1.0", configuration: fileSecretConfiguration(.missing(hostPath: "./pw")),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "'./pw' on the host and does not exist"),
  DiagnosticCase(
    id: .fileVariableNotPreviewed, version: "edge",
    configuration: fileSecretConfiguration(.unmapped(reason: "there is no compose file to say which host file is mounted there")),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "cannot be previewed because there is no compose file"),
  DiagnosticCase(
    id: .fileCredentialsVanishOnChange, version: "15.1.0",
    configuration: fileSecretConfiguration(.read(hostPath: "pw", value: "p"), sasl: "@b.test v:q\n"),
    location: SourceLocation(file: "mailserver.env", line: 1), says: "vanish from sasl_passwd until the next restart"),
  // Issue 15 rules (spec §5, §11)
  DiagnosticCase(
    id: .whitespaceLedLine, version: "15.1.0",
    configuration: configuration(relayMap: "# relays\n  @a.test [r.test]:587\n@b.test [s.test]:587\n"),
    location: SourceLocation(file: relayMapFile, line: 2), says: "'@a.test' gets no relay from it"),
  DiagnosticCase(
    id: .nullSenderDirect, version: "15.1.0",
    configuration: configuration(relayMap: "@a.test [r.test]:587\n", accounts: "u@a.test|{X}y\n"),
    location: nil, says: "bounces, DSNs and vacation replies (sender '<>') go direct"),
  DiagnosticCase(
    id: .credentialsOfferedToMX, version: "15.1.0",
    configuration: configuration(
      relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n@b.test v:q\n", accounts: "u@a.test|{X}y\nv@b.test|{X}y\n"),
    location: SourceLocation(file: saslFile, line: 2), says: "mail from @b.test goes direct, yet Postfix"),
  DiagnosticCase(
    id: .mxAuthDefers, version: "15.1.0",
    configuration: configuration(
      relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n@A.test u:p\n", accounts: "u@a.test|{X}y\nv@b.test|{X}y\n"),
    location: nil, says: "direct mail (@b.test, <>) is deferred by every recipient MX that does"),
]

/// `RELAY_HOST`, `RELAY_USER` and `RELAY_PASSWORD__FILE` in the env file; the file's content given.
func fileSecretConfiguration(
  _ content: FileSecret.Content, env extra: [String: String] = [:], sasl: String? = nil
) -> Configuration {
  var env = ["RELAY_HOST": "r.test", "RELAY_USER": "u", "RELAY_PASSWORD__FILE": "/run/secrets/pw"]
  for (key, value) in extra { env[key] = value }
  var result = configuration(relayMap: "@a.test [r.test]:587\n", sasl: sasl, accounts: "u@a.test|{X}y\n", env: env)
  result.fileSecrets = [
    FileSecret(variable: "RELAY_PASSWORD__FILE", target: "RELAY_PASSWORD", containerPath: "/run/secrets/pw", content: content)
  ]
  return result
}

@Suite("Every diagnostic code, produced")
struct DiagnosticCatalogueTests {
  @Test("every code in the catalogue has a producing case")
  func everyCodeHasAProducer() {
    let covered = Set((diagnosticCases + overrideDiagnosticCases).map(\.id))
    #expect(DiagnosticID.allCases.filter { !covered.contains($0) } == [])
  }

  @Test("the configuration produces the code, at its place, saying what it must", arguments: diagnosticCases + overrideDiagnosticCases)
  func produces(_ c: DiagnosticCase) throws {
    let p = try preview(c.configuration, c.version)
    let found = p.diagnostics.filter { $0.id == c.id }
    let d = try #require(found.first, "\(c.id.rawValue) not produced; got \(p.diagnostics.map(\.id.rawValue))")
    #expect(d.location == c.location)
    #expect(d.message.contains(c.says), "\(d.message)")
    #expect(d.severity == c.id.defaultSeverity || c.id == .missingFinalNewline)
    #expect(!d.fix.isEmpty)
  }
}
