import Testing

@testable import RelayModel

/// Which versions read `__FILE`, what blocks it, and what change detection sees (spec §10).
@Suite("__FILE variables: version gate, blocking, change detection, diagnostics, redaction")
struct FileSecretSemanticsTests {
  static let password = "pw-from-file-Zq81"

  static func passwordSecret(_ content: FileSecret.Content? = nil) -> FileSecret {
    FileSecret(
      variable: "RELAY_PASSWORD__FILE", target: "RELAY_PASSWORD", containerPath: "/run/secrets/relay_password",
      content: content ?? .read(hostPath: "./secrets/relay_password", value: password))
  }

  /// `RELAY_HOST` + `RELAY_USER` in the env file, the password from a file.
  static func fileConfiguration(
    env extra: [String: String] = [:], sasl: String? = nil, secrets: [FileSecret] = [passwordSecret()]
  ) -> Configuration {
    var env = ["RELAY_HOST": "relay.test", "RELAY_PORT": "587", "RELAY_USER": "u"]
    env["RELAY_PASSWORD__FILE"] = "/run/secrets/relay_password"
    for (key, value) in extra { env[key] = value }
    var result = configuration(
      relayMap: "@a.test [relay.test]:587\n", sasl: sasl, accounts: "x@a.test|{X}y\n", env: env)
    result.fileSecrets = secrets
    return result
  }

  static func version(_ name: String) throws -> DMSVersion { try DMSVersion.parse(name) }

  @Test(
    "15.1 and newer read __FILE, older versions do not",
    arguments: [
      ("15.1.0", true), ("15.1", true), ("v15.1.0", true), ("15", true), ("latest", true), ("stable", true),
      ("edge", true), ("16.0.0", true), ("15.0.2", false), ("15.0", false), ("14.0.0", false), ("14", false),
      ("13.3.1", false), ("11.3.1", false),
    ])
  func versionGate(name: String, reads: Bool) throws {
    #expect(try Self.version(name).readsVariablesFromFiles == reads)
  }

  @Test("on 15.1 the file fills an unset target with a derived origin; before 15.1 it stays unset")
  func applied() throws {
    let config = Self.fileConfiguration()
    let env = config.environment(for: try Self.version("15.1.0"), path: .startup)
    #expect(env["RELAY_PASSWORD"] == Self.password)
    #expect(env.origins["RELAY_PASSWORD"] == .fromFile(variable: "RELAY_PASSWORD__FILE", path: "./secrets/relay_password"))
    #expect(!config.environment(for: try Self.version("15.0.2"), path: .startup).isSet("RELAY_PASSWORD"))
    let state = Generator.generate(config, version: try Self.version("15.1.0"))
    #expect(state.saslPasswd?.textLines == ["[relay.test]:587    u:\(Self.password)"])
    // The line's provenance names the file variable, so the route says where the password came from.
    #expect(state.saslPasswd?.origins.first?.reference == "env RELAY_HOST+RELAY_USER+RELAY_PASSWORD__FILE")
    #expect(Generator.generate(config, version: try Self.version("15.0.2")).saslPasswd == nil)
  }

  @Test("an empty RELAY_PASSWORD= (the stock mailserver.env) blocks the file, with a diagnostic")
  func emptyTargetBlocks() throws {
    let config = Self.fileConfiguration(env: ["RELAY_PASSWORD": ""])
    let version = try Self.version("15.1.0")
    #expect(config.environment(for: version, path: .startup)["RELAY_PASSWORD"] == "")
    #expect(config.appliedFileSecrets(for: version).isEmpty)
    let preview = RoutingPreview(configuration: config, version: version)
    let blocked = try #require(preview.diagnostics.first { $0.id == .fileVariableBlocked })
    #expect(blocked.message.contains("RELAY_PASSWORD is empty (mailserver.env:1), so DMS skips RELAY_PASSWORD__FILE"))
    #expect(blocked.fix == "remove the 'RELAY_PASSWORD=' line so the file is read")
  }

  @Test("before 15.1 a __FILE variable is ignored, said once per variable")
  func ignoredBefore151() throws {
    let preview = RoutingPreview(configuration: Self.fileConfiguration(), version: try Self.version("14.0.0"))
    let ignored = preview.diagnostics.filter { $0.id == .fileVariableIgnored }
    #expect(ignored.count == 1)
    #expect(ignored.first?.message.contains("reading variables from files is new in 15.1") == true)
    #expect(!preview.diagnostics.contains { $0.id == .fileVariableBlocked })
  }

  @Test("change detection does not see RELAY_PASSWORD from a file: with a sasl file, the env credentials vanish")
  func vanishOnChange() throws {
    let config = Self.fileConfiguration(sasl: "@b.test other:pw2\n")
    let version = try Self.version("15.1.0")
    let startup = Generator.generate(config, version: version, path: .startup)
    let change = Generator.generate(config, version: version, path: .change)
    #expect(startup.saslPasswd?.textLines == ["@b.test other:pw2", "[relay.test]:587    u:\(Self.password)"])
    #expect(change.saslPasswd?.textLines == ["@b.test other:pw2"])
    let warning = try #require(
      RoutingPreview(configuration: config, version: version).diagnostics.first { $0.id == .fileCredentialsVanishOnChange })
    #expect(warning.severity == .warning)
    #expect(warning.message.contains("credentials for '[relay.test]:587' vanish from sasl_passwd until the next restart"))
    #expect(!warning.message.contains(Self.password))
  }

  @Test("without a sasl file DMS keeps the old sasl_passwd on change, so nothing vanishes and nothing is said")
  func noVanishWithoutSaslFile() throws {
    let version = try Self.version("15.1.0")
    let config = Self.fileConfiguration()
    #expect(Generator.generate(config, version: version, path: .change).saslPasswd == nil)
    #expect(!RoutingPreview(configuration: config, version: version).diagnostics.contains { $0.id == .fileCredentialsVanishOnChange })
  }

  @Test("RELAY_HOST read from a file survives change detection (it is in /etc/dms-settings); RELAY_PORT does not")
  func settingsFileVariables() throws {
    let version = try Self.version("edge")
    var config = configuration(
      relayMap: "@a.test [r.test]:587\n", accounts: "x@b.test|{X}y\n",
      env: ["RELAY_HOST__FILE": "/run/secrets/h", "RELAY_PORT__FILE": "/run/secrets/p"])
    config.fileSecrets = [
      FileSecret(variable: "RELAY_HOST__FILE", target: "RELAY_HOST", containerPath: "/run/secrets/h", content: .read(hostPath: "h", value: "relay.test")),
      FileSecret(variable: "RELAY_PORT__FILE", target: "RELAY_PORT", containerPath: "/run/secrets/p", content: .read(hostPath: "p", value: "2525")),
    ]
    let change = config.environment(for: version, path: .change)
    #expect(change["RELAY_HOST"] == "relay.test")
    #expect(!change.isSet("RELAY_PORT"))
    #expect(config.environment(for: version, path: .startup)["RELAY_PORT"] == "2525")
    let diagnostics = RoutingPreview(configuration: config, version: version).diagnostics
    let warning = try #require(diagnostics.first { $0.id == .fileCredentialsVanishOnChange })
    #expect(warning.message.contains("RELAY_PORT falls back to 25"))
  }

  @Test("with ACCOUNT_PROVISIONER=LDAP change detection never rebuilds the relay files: no vanish warning")
  func provisionerNoChangeDetection() throws {
    let config = Self.fileConfiguration(env: ["ACCOUNT_PROVISIONER": "LDAP"], sasl: "@b.test other:pw2\n")
    let diagnostics = RoutingPreview(configuration: config, version: try Self.version("15.1.0")).diagnostics
    #expect(!diagnostics.contains { $0.id == .fileCredentialsVanishOnChange })
  }

  @Test("missing, unmapped and unreadable files are diagnosed and leave the target unset")
  func notRead() throws {
    let version = try Self.version("15.1.0")
    let cases: [(FileSecret.Content, DiagnosticID, String)] = [
      (.missing(hostPath: "./secrets/relay_password"), .fileVariableMissing, "does not exist as a file, so DMS warns and leaves RELAY_PASSWORD unset"),
      (.unmapped(reason: "it is inside the named volume 'x' mounted at '/run/secrets'"), .fileVariableNotPreviewed, "cannot be previewed because it is inside the named volume 'x'"),
      (.unreadable(hostPath: "./s", reason: "permission denied"), .fileVariableNotPreviewed, "dms-relay cannot read (permission denied)"),
    ]
    for (content, id, says) in cases {
      let config = Self.fileConfiguration(secrets: [Self.passwordSecret(content)])
      #expect(!config.environment(for: version, path: .startup).isSet("RELAY_PASSWORD"))
      let diagnostic = RoutingPreview(configuration: config, version: version).diagnostics.first { $0.id == id }
      #expect(diagnostic?.message.contains(says) == true, "\(id): \(diagnostic?.message ?? "none")")
    }
  }

  @Test("configurations without __FILE generate exactly as before")
  func unchangedWithoutFileVariables() throws {
    let plain = configuration(relayMap: "@a.test [r.test]:587\n", sasl: "@a.test u:p\n", env: ["RELAY_HOST": "r.test"])
    for name in ["11.3.1", "13.3.1", "15.1.0", "edge"] {
      let version = try Self.version(name)
      for path in GenerationPath.allCases {
        #expect(Generator.generate(plain, version: version, path: path) == Generator.generate(plain, family: version.family, path: path))
      }
    }
  }

  @Test("the file-read password is redacted in generate, route and preview output, text and JSON")
  func redaction() throws {
    let version = try Self.version("15.1.0")
    let config = Self.fileConfiguration(sasl: "@b.test other:pw2\n")
    let state = Generator.generate(config, version: version)
    #expect(state.saslPasswd?.textLines.contains { $0.contains(Self.password) } == true)
    var outputs = [
      Reports.generateText(state, version: version, showSecrets: false),
      Reports.generateText(Generator.generate(config, version: version, path: .change), version: version, showSecrets: false),
    ]
    var json: [UInt8] = []
    Reports.generateJSON(state, version: version, showSecrets: false) { json += Array($0) }
    let preview = RoutingPreview(configuration: config, version: version)
    Reports.writePreviewJSON(preview) { json += Array($0) }
    Reports.routesJSON(preview.routes, to: { json += Array($0) })
    outputs.append(String(decoding: json, as: UTF8.self))
    outputs.append(Reports.previewText(preview).plain)
    outputs.append(Reports.routeText(preview.routes))
    for output in outputs {
      #expect(!output.contains(Self.password), "\(output)")
    }
    #expect(outputs[0].contains("[relay.test]:587    u:<redacted>"))
  }

  @Test("the TUI's relay and credential rows show what DMS reads from files, with the file as origin")
  func rows() throws {
    let version = try Self.version("15.1.0")
    var config = configuration(accounts: "x@b.test|{X}y\n", env: ["RELAY_HOST__FILE": "/run/secrets/h", "RELAY_USER": "u"])
    config.environment.set("RELAY_PASSWORD__FILE", "/run/secrets/p", origin: .envFile(path: "mailserver.env", line: 3))
    config.fileSecrets = [
      FileSecret(variable: "RELAY_HOST__FILE", target: "RELAY_HOST", containerPath: "/run/secrets/h", content: .read(hostPath: "h", value: "relay.test")),
      FileSecret(variable: "RELAY_PASSWORD__FILE", target: "RELAY_PASSWORD", containerPath: "/run/secrets/p", content: .read(hostPath: "p", value: Self.password)),
    ]
    let preview = RoutingPreview(configuration: config, version: version)
    let relays = RelayRow.rows(configuration: config, preview: preview)
    let relay = try #require(relays.first { $0.nexthop == "[relay.test]:25" })
    #expect(relay.origins.contains(.relayHost(.fromFile(variable: "RELAY_HOST__FILE", path: "h"))))
    let credentials = CredentialRow.rows(configuration: config, preview: preview)
    let env = try #require(credentials.first { $0.origin == .environment })
    #expect(env.key == "[relay.test]:25" && env.user == "u" && env.hasPassword)
    #expect(RelayRow.rows(configuration: config, preview: RoutingPreview(configuration: config, version: try Self.version("15.0.2"))).isEmpty)
  }

  @Test("compare 15.0.2 → 15.1.0 shows the AUTH the file password brings")
  func compareAcrossTheGate() throws {
    let comparison = VersionComparison(
      configuration: Self.fileConfiguration(), from: try Self.version("15.0.2"), to: try Self.version("15.1.0"))
    let change = try #require(comparison.changes.first { $0.sender == "@a.test" })
    #expect(change.from.authUser == nil && change.to.authUser == "u")
    #expect(comparison.resolvedDiagnostics.contains { $0.id == .fileVariableIgnored })
  }
}
