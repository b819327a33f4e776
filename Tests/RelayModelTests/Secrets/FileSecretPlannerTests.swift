import Testing

@testable import RelayModel

/// The planner sees what DMS reads from `__FILE` variables (spec §10): it verifies with them
/// and removes them by their `__FILE` variable.
@Suite("Planner with credentials read from files")
struct FileSecretPlannerTests {
  /// `RELAY_HOST`, `RELAY_USER` in the env file and the password from `RELAY_PASSWORD__FILE`.
  static func fileConfiguration(password: String) -> Configuration {
    var config = configuration(
      accounts: "u@a.test|{X}y\n",
      env: ["RELAY_HOST": "smtp.sendgrid.net", "RELAY_PORT": "587", "RELAY_USER": "apikey", "RELAY_PASSWORD__FILE": "/run/secrets/pw"])
    config.fileSecrets = [
      FileSecret(
        variable: "RELAY_PASSWORD__FILE", target: "RELAY_PASSWORD", containerPath: "/run/secrets/pw",
        content: .read(hostPath: "./secrets/pw", value: password))
    ]
    return config
  }

  @Test("other credentials in the file: the plan unsets RELAY_PASSWORD__FILE (not RELAY_PASSWORD) and routes exactly")
  func replacesFileCredentials() throws {
    let p = try plan(Self.fileConfiguration(password: "old-key"), "15.1.0", .everything(through: sendgrid))
    let unset = p.steps.compactMap { step -> String? in
      if case .edit(.unsetEnv(let key)) = step.action { return key }
      return nil
    }
    #expect(unset.contains("RELAY_PASSWORD__FILE"))
    #expect(!unset.contains("RELAY_PASSWORD"))
    #expect(p.isExact)
    #expect(!p.preview.diagnostics.contains { $0.id == .duplicateKey }, "\(p.preview.diagnostics.map(\.formatted))")
    #expect(p.preview.routes.allSatisfy { $0.authUser == "apikey" })
  }

  @Test("before 15.1 the file is ignored: nothing of it is touched")
  func ignoredBefore151() throws {
    let p = try plan(Self.fileConfiguration(password: "old-key"), "15.0.2", .everything(through: sendgrid))
    #expect(!p.steps.contains { if case .edit(.unsetEnv("RELAY_PASSWORD__FILE")) = $0.action { return true } else { return false } })
    #expect(p.isExact)
  }

  @Test("the unset-env command accepts a relay variable's __FILE form, and nothing else ending in __FILE")
  func editableFileKeys() {
    #expect((try? RelayEdit.unsetEnv(key: "RELAY_PASSWORD__FILE").validate()) != nil)
    #expect((try? RelayEdit.unsetEnv(key: "LDAP_BIND_PW__FILE").validate()) == nil)
  }
}
