@testable import RelayModel

/// `configuration(...)` with the admin's overrides added (spec §8).
func withOverrides(
  _ base: Configuration, main: String? = nil, master: String? = nil, userPatches: Bool = false
) -> Configuration {
  var config = base
  config.postfixMain = main.map(PostfixMainCfFile.init(text:))
  config.postfixMaster = master.map(PostfixMasterCfFile.init(text:))
  config.hasUserPatches = userPatches
  return config
}

let mainCf = PostfixMainCfFile.fileName

/// The configuration the loader reads from a config folder holding `files` (name → text).
func loadFolder(_ files: [String: String]) throws -> Configuration {
  let dir = try TempFolder()
  for (name, text) in files { try dir.write(name, text) }
  return try ConfigurationSource(configDirectory: dir.path, baseDirectory: dir.path).load().configuration
}

/// One producer per override diagnostic (appended to `diagnosticCases`).
let overrideDiagnosticCases: [DiagnosticCase] = [
  DiagnosticCase(
    id: .mainCfMissingEquals, version: "15.1.0",
    configuration: withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n"), main: "# mine\nmessage_size_limit = 1\nsmtp_tls_wrappermode yes\n"),
    location: SourceLocation(file: mainCf, line: 3), says: "'smtp_tls_wrappermode yes' has no '='"),
  DiagnosticCase(
    id: .mainCfLeadingWhitespace, version: "15.1.0",
    configuration: withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "  relayhost = [r.test]:587\n"),
    location: SourceLocation(file: mainCf, line: 1), says: "continues DMS's last main.cf line"),
  DiagnosticCase(
    id: .overrideUndoneOnChange, version: "15.1.0",
    configuration: withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n"),
      main: "smtp_tls_security_level = may\n"),
    location: SourceLocation(file: mainCf, line: 1), says: "change detection sets smtp_tls_security_level = 'encrypt' again"),
  DiagnosticCase(
    id: .wrappermodeBelowEncrypt, version: "15.1.0",
    configuration: withOverrides(configuration(relayMap: "@a.test [r.test]:465\n"), main: "smtp_tls_wrappermode = yes\n"),
    location: SourceLocation(file: mainCf, line: 1), says: "Postfix defers every message"),
  DiagnosticCase(
    id: .wrappermodeBreaksDirect, version: "15.1.0",
    configuration: withOverrides(
      configuration(relayMap: "@a.test [r.test]:465\n", sasl: "@a.test u:p\n", accounts: "u@b.test|{X}y\n"),
      master: "smtp/unix/smtp_tls_wrappermode=yes\n"),
    location: SourceLocation(file: PostfixMasterCfFile.fileName, line: 1), says: "mail that goes directly (@b.test"),
  DiagnosticCase(
    id: .overrideNamesMissingTable, version: "15.1.0",
    configuration: withOverrides(
      configuration(accounts: "u@a.test|{X}y\n"), main: "sender_dependent_relayhost_maps = texthash:/etc/postfix/relayhost_map\n"),
    location: SourceLocation(file: mainCf, line: 1), says: "every lookup fails, so all mail is deferred"),
  DiagnosticCase(
    id: .overrideDisablesRelayMap, version: "15.1.0",
    configuration: withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), main: "sender_dependent_relayhost_maps =\n"),
    location: SourceLocation(file: mainCf, line: 1), says: "its 1 entry is never looked up"),
  DiagnosticCase(
    id: .unpreviewableSetting, version: "15.1.0",
    configuration: withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n"), main: "transport_maps = ldap:/etc/postfix/ldap-transport.cf\n"),
    location: SourceLocation(file: mainCf, line: 1), says: "transport_maps = 'ldap:/etc/postfix/ldap-transport.cf' is a table"),
  DiagnosticCase(
    id: .transportMapRecipients, version: "15.1.0",
    configuration: {
      var config = withOverrides(
        configuration(relayMap: "@a.test [r.test]:587\n"), main: "transport_maps = texthash:/tmp/docker-mailserver/t.cf\n")
      config.overrideTables = ["t.cf": TextDocument(text: "gmail.test smtp:[g.test]:587\n")]
      return config
    }(),
    location: SourceLocation(file: mainCf, line: 1), says: "'gmail.test' → smtp:[g.test]:587"),
  DiagnosticCase(
    id: .transportMapWildcard, version: "15.1.0",
    configuration: {
      var config = withOverrides(
        configuration(relayMap: "@a.test [r.test]:587\n"), main: "transport_maps = texthash:/tmp/docker-mailserver/t.cf\n")
      config.overrideTables = ["t.cf": TextDocument(text: "* smtp:[o.test]:587\n")]
      return config
    }(),
    location: SourceLocation(file: mainCf, line: 1), says: "the server's own mailboxes included"),
  DiagnosticCase(
    id: .userPatches, version: "12.1.0",
    configuration: withOverrides(configuration(relayMap: "@a.test [r.test]:587\n"), userPatches: true),
    location: SourceLocation(file: "user-patches.sh"), says: "not in this preview"),
]
