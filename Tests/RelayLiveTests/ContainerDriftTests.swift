import Foundation
import Testing
@testable import RelayLive
@testable import RelayModel

/// A real Postfix configuration directory holding what DMS writes for `config` (its
/// settings written by the real `postconf -e`), read back through an empty exec prefix.
@Suite("The running container against the files (drift)", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/postconf")))
struct ContainerDriftTests {
  static let config = configuration(
    relayMap: "@a.test [smtp.a.test]:587\n@b.test [smtp.b.test]:2525\n",
    sasl: "@a.test a-user:a-secret-password\n",
    accounts: "u@a.test|{PLAIN}x\nu@b.test|{PLAIN}x\nu@c.test|{PLAIN}x\n",
    env: ["RELAY_HOST": "smtp.default.test", "RELAY_PORT": "587", "RELAY_USER": "d", "RELAY_PASSWORD": "dp"])
  static let version = try! DMSVersion.parse("15.1.0")

  /// Writes the generated tables and `main.cf` settings into a fresh directory.
  func postfixDirectory() throws -> (TempFolder, ContainerExec) {
    let folder = TempFolder()
    let state = Generator.generate(Self.config, family: Self.version.family)
    folder.write("main.cf", "")
    folder.write("master.cf", "")
    let local = ContainerExec(prefix: [], postfixDirectory: folder.path)
    for setting in state.postconf {
      let result = try local.run(["postconf", "-c", folder.path, "-e", "\(setting.key) = \(setting.value)"])
      #expect(result.status == 0)
    }
    folder.write("relayhost_map", String(decoding: state.relayhostMap!.bytes, as: UTF8.self))
    folder.write("sasl_passwd", String(decoding: state.saslPasswd!.bytes, as: UTF8.self))
    return (folder, local)
  }

  func drift(_ exec: ContainerExec) throws -> [DriftItem] {
    ContainerDrift.compare(try exec.snapshot(), configuration: Self.config, version: Self.version)
  }

  @Test("identical: nothing to apply")
  func identical() throws {
    let (folder, exec) = try postfixDirectory()
    #expect(try drift(exec) == [])
    withExtendedLifetime(folder) {}
  }

  @Test("one table changed: the container lacks a line and still has another; passwords never shown")
  func tableChanged() throws {
    let (folder, exec) = try postfixDirectory()
    let map = try String(contentsOfFile: folder.path + "/relayhost_map", encoding: .utf8)
    folder.write("relayhost_map", map.replacingOccurrences(of: "@b.test [smtp.b.test]:2525", with: "@b.test [smtp.old.test]:25"))
    folder.write("sasl_passwd", "@a.test a-user:an-old-password\n[smtp.default.test]:587    d:dp\n")
    let items = try drift(exec)
    #expect(items.map(\.name) == ["/etc/postfix/relayhost_map", "/etc/postfix/sasl_passwd"])
    #expect(items[0].detail == "the container lacks '@b.test [smtp.b.test]:2525'; still has '@b.test [smtp.old.test]:25'")
    #expect(items[0].howToApply.hasPrefix("DMS's change detection applies relay file changes"))
    #expect(items[1].detail == "the container lacks '@a.test'; still has '@a.test'; (compared by content; passwords not shown)")
    #expect(!items.contains { $0.detail.contains("password:") || $0.detail.contains("a-secret-password") || $0.detail.contains("an-old") })
  }

  @Test("one setting changed: recreate the container")
  func settingChanged() throws {
    let (folder, exec) = try postfixDirectory()
    #expect(try exec.run(["postconf", "-c", folder.path, "-e", "smtp_tls_security_level = may"]).status == 0)
    let items = try drift(exec)
    #expect(items.count == 1)
    #expect(items.first?.name == "smtp_tls_security_level")
    #expect(items.first?.detail == "the container has 'may', the files give 'encrypt'")
    #expect(items.first?.howToApply == "env changes are read when the container is created: `docker compose up -d` (a restart is not enough)")
  }

  @Test("a command that cannot run is a one-line error")
  func cannotRun() throws {
    let exec = ContainerExec(prefix: ["/nonexistent/docker", "exec", "mailserver"])
    #expect(throws: ContainerExec.Failure.self) { try exec.snapshot() }
  }
}

/// The inline configuration helper of the model tests, for this target.
func configuration(relayMap: String? = nil, sasl: String? = nil, accounts: String? = nil, env: [String: String] = [:]) -> Configuration {
  var environment = RelayEnvironment()
  for (key, value) in env { environment.set(key, value, origin: .envFile(path: "mailserver.env", line: 1)) }
  return Configuration(
    relayMap: relayMap.map { RelayMapFile(bytes: Array($0.utf8)) },
    saslPasswords: sasl.map { SaslPasswordFile(bytes: Array($0.utf8)) },
    accounts: accounts.map { AccountsFile(bytes: Array($0.utf8)) },
    environment: environment)
}
