import Foundation
import Testing

@testable import RelayModel

/// `$name` for a name nothing sets expands Postfix's own default (spec §8).
@Suite("Postfix defaults behind $name")
struct PostfixDefaultsTests {
  static let postconf = "/usr/sbin/postconf"

  @Test("a routing setting that refers to a defaulted name is previewed with the default")
  func expands() throws {
    let main = """
      smtp_sasl_password_maps = texthash:$config_directory/sasl_passwd
      smtp_sasl_tls_security_options = $smtp_sasl_security_options

      """
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n", accounts: "u@a.test|{X}y\n"), main: main)
    let settings = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v14plus))
    #expect(settings.value("smtp_sasl_password_maps") == "texthash:/etc/postfix/sasl_passwd")
    // DMS's relay setup sets smtp_sasl_security_options = noanonymous: a set value beats the default.
    #expect(settings.value("smtp_sasl_tls_security_options") == "noanonymous")
    #expect(settings.unsetNames("smtp_sasl_password_maps").isEmpty)
    // DMS's own table, named through `$config_directory`: read, not "cannot be previewed".
    let route = try preview(config, "15.1.0").routeFor("u@a.test")
    #expect(route.unpreviewable == nil)
    #expect(route.outcome == .relayed)
    #expect(route.authUser == "u")
  }

  @Test("$relay_transport and $default_transport read their defaults")
  func transports() throws {
    let config = withOverrides(
      configuration(relayMap: "@a.test [r.test]:587\n", accounts: "u@a.test|{X}y\n"), main: "default_transport = $relay_transport\n")
    let route = try preview(config, "15.1.0").routeFor("u@a.test")
    #expect(route.unpreviewable == nil)
    #expect(route.outcome == .relayed)
  }

  @Test("myorigin's default refers to myhostname, which DMS sets from the host name")
  func throughHostName() {
    var environment = RelayEnvironment()
    environment.set("OVERRIDE_HOSTNAME", "mail.example.org", origin: .envFile(path: "mailserver.env", line: 1))
    var config = withOverrides(configuration(accounts: "u@a.test|{X}y\n"), main: "relayhost = [smtp.$myorigin]:587\n")
    config.environment = environment
    let settings = PostfixSettings(configuration: config, state: Generator.generate(config, family: .v14plus))
    #expect(settings.value("relayhost") == "[smtp.mail.example.org]:587")
    let unknown = withOverrides(configuration(accounts: "u@a.test|{X}y\n"), main: "relayhost = [smtp.$myorigin]:587\n")
    #expect(
      PostfixSettings(configuration: unknown, state: Generator.generate(unknown, family: .v14plus)).unsetNames("relayhost")
        == ["myhostname"])
  }

  /// The table against the real Postfix's `postconf -d` (3.7 here, as in DMS 12 to 15.1).
  @Test(
    "every default in the table is postconf -d's",
    .enabled(if: FileManager.default.isExecutableFile(atPath: postconf), "Postfix's postconf is not installed"))
  func matchesPostconf() throws {
    for (name, expected) in PostfixSettings.defaults.sorted(by: { $0.key < $1.key }) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.postconf)
      process.arguments = ["-d", "-h", name]
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
      try process.run()
      let output = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let actual = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
      #expect(actual == expected, "\(name)")
    }
  }
}
