import Testing

@testable import RelayModel

/// With `ACCOUNT_PROVISIONER` other than FILE, change detection never re-applies the relay
/// files: the TUI's write confirmation says so (issue 15 §4, spec §3 "Change detection").
@Suite("Write confirmation under a provisioner other than FILE")
struct ProvisionerConfirmTests {
  func confirmationLines(env: String, version: String, edit: RelayEdit) throws -> [String] {
    let loaded = AppFixture.loaded(["postfix-relaymap.cf": "@a.test [r.test]:587\n"], env: env, version: version)
    var state = AppFixture.state(loaded)
    _ = try state.workspace.apply(edit)
    var store = AppTestStore(state)
    store.press(.character("w"))
    guard case .confirm(let confirmation)? = store.state.destination else {
      Issue.record("w did not open the write confirmation")
      return []
    }
    return confirmation.lines
  }

  @Test("w under LDAP on every version family says 'takes effect at the next restart'", arguments: ["11.3.1", "13.3.1", "15.1.0", "edge"])
  func ldap(version: String) throws {
    let lines = try confirmationLines(
      env: "ACCOUNT_PROVISIONER=LDAP\n", version: version, edit: .addDomain(domain: "b.test", host: "s.test", port: 587))
    let note = try #require(lines.first { $0.contains("takes effect at the next restart") })
    #expect(note.hasPrefix("With ACCOUNT_PROVISIONER=LDAP, DMS \(version)"))
  }

  @Test("w under FILE, or for an env-only change, says nothing about a restart")
  func fileOrEnvOnly() throws {
    let file = try confirmationLines(
      env: "ACCOUNT_PROVISIONER=FILE\n", version: "edge", edit: .addDomain(domain: "b.test", host: "s.test", port: 587))
    #expect(!file.contains { $0.contains("next restart") })
    let envOnly = try confirmationLines(
      env: "ACCOUNT_PROVISIONER=OIDC\n", version: "15.1.0", edit: .setEnv(key: "RELAY_PORT", value: "2525"))
    #expect(!envOnly.contains { $0.contains("next restart") })
  }

  @Test("ACCOUNT_PROVISIONER read from a file on 15.1 counts too")
  func provisionerFromFile() throws {
    var loaded = AppFixture.loaded(["postfix-relaymap.cf": "@a.test [r.test]:587\n"], env: "ACCOUNT_PROVISIONER__FILE=/run/secrets/p\n", version: "15.1.0")
    loaded.configuration.fileSecrets = [
      FileSecret(variable: "ACCOUNT_PROVISIONER__FILE", target: "ACCOUNT_PROVISIONER", containerPath: "/run/secrets/p", content: .read(hostPath: "p", value: "LDAP"))
    ]
    var state = AppFixture.state(loaded)
    _ = try state.workspace.apply(.addDomain(domain: "b.test", host: "s.test", port: 587))
    var store = AppTestStore(state)
    store.press(.character("w"))
    guard case .confirm(let confirmation)? = store.state.destination else {
      Issue.record("w did not open the write confirmation")
      return
    }
    #expect(confirmation.lines.contains { $0.contains("With ACCOUNT_PROVISIONER=LDAP") })
    #expect(loaded.provisioner(on: try DMSVersion.parse("15.0.2")) == "")
  }
}
