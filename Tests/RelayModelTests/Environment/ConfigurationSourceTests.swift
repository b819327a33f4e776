import Testing

@testable import RelayModel

@Suite("ConfigurationSource finds and reads the configuration with compose's precedence")
struct ConfigurationSourceTests {
  func source(_ folder: TempFolder, configDirectory: String? = nil, envFile: String? = nil,
              composeFile: String? = nil, dmsVersion: String? = nil) -> ConfigurationSource {
    ConfigurationSource(
      configDirectory: configDirectory, envFile: envFile, composeFile: composeFile,
      dmsVersion: dmsVersion, baseDirectory: folder.path)
  }

  @Test("defaults: ./docker-data/dms/config and ./mailserver.env")
  func defaults() throws {
    let folder = try TempFolder()
    try folder.write("docker-data/dms/config/postfix-relaymap.cf", "@a.test [h]:25\n")
    try folder.write("mailserver.env", "RELAY_HOST=smtp.test\n")
    let loaded = try source(folder).load()
    #expect(loaded.configDirectory == folder.file("docker-data/dms/config"))
    #expect(loaded.envFiles == [folder.file("mailserver.env")])
    #expect(loaded.configuration.relayMap?.document.text == "@a.test [h]:25\n")
    #expect(loaded.configuration.saslPasswords == nil)
    #expect(loaded.configuration.environment["RELAY_HOST"] == "smtp.test")
    #expect(loaded.configuration.environment.origins["RELAY_HOST"] == .envFile(path: folder.file("mailserver.env"), line: 1))
    #expect(loaded.originals[folder.file("docker-data/dms/config/postfix-relaymap.cf")] == Array("@a.test [h]:25\n".utf8))
    #expect(loaded.version == nil)
    #expect(throws: VersionUnavailable.notGiven) { try loaded.requireVersion() }
    #expect(VersionUnavailable.notGiven.description
      == "no DMS version: pass --dms-version (e.g. 15.1) or use a compose file whose docker-mailserver image has a tag")
  }

  @Test("compose: env_file order, environment beats env files, version from the image, config from the mount")
  func composePrecedence() throws {
    let folder = try TempFolder()
    try folder.write("compose.yaml", """
      services:
        mailserver:
          image: ghcr.io/docker-mailserver/docker-mailserver:13.3.1
          hostname: mail.example.test
          env_file: [first.env, second.env, {path: optional.env, required: false}]
          environment:
            RELAY_PORT: 2525
          volumes:
            - ./cfg/:/tmp/docker-mailserver/
      """)
    try folder.write("first.env", "RELAY_HOST=first\nRELAY_USER=u1\nRELAY_PORT=25\n")
    try folder.write("second.env", "RELAY_HOST=second\n")
    try folder.write("cfg/postfix-sasl-password.cf", "@a.test u:p\n")
    try folder.write("mailserver.env", "RELAY_HOST=ignored-with-compose\n")
    let loaded = try source(folder).load()
    let env = loaded.configuration.environment
    #expect(env["RELAY_HOST"] == "second")
    #expect(env.origins["RELAY_HOST"] == .envFile(path: folder.file("second.env"), line: 1))
    #expect(env["RELAY_USER"] == "u1")
    #expect(env["RELAY_PORT"] == "2525")
    #expect(env.origins["RELAY_PORT"] == .compose(path: folder.file("compose.yaml"), service: "mailserver"))
    #expect(env.containerHostname == "mail.example.test")
    #expect(loaded.version == DMSVersion(name: "13.3.1", family: .v12to13))
    #expect(loaded.versionSource == .composeImage(
      image: "ghcr.io/docker-mailserver/docker-mailserver:13.3.1", file: folder.file("compose.yaml"), service: "mailserver"))
    #expect(loaded.configDirectory == folder.file("cfg/"))
    #expect(loaded.configuration.saslPasswords?.document.text == "@a.test u:p\n")
    #expect(loaded.warnings == ["optional env file '\(folder.file("optional.env"))' (env_file of \(folder.file("compose.yaml"))) does not exist"])
    #expect(loaded.envLocation(for: "RELAY_HOST") == .envFile(path: folder.file("second.env")))
    #expect(loaded.envLocation(for: "RELAY_USER") == .envFile(path: folder.file("first.env")))
    #expect(loaded.envLocation(for: "RELAY_PASSWORD") == .envFile(path: folder.file("second.env")))
    #expect(loaded.envLocation(for: "RELAY_PORT") == .composeInline(file: folder.file("compose.yaml"), service: "mailserver"))
  }

  @Test("--dms-version beats the image tag; a bad one is an error even for edits")
  func explicitVersion() throws {
    let folder = try TempFolder()
    try folder.write("compose.yml", "services:\n  mailserver:\n    image: mailserver/docker-mailserver:13\n")
    let loaded = try source(folder, dmsVersion: "15.1").load()
    #expect(loaded.version?.family == .v14plus)
    #expect(loaded.versionSource == .commandLine)
    #expect(throws: ConfigurationLoadError.version(.unrecognised("fifteen"))) {
      try source(folder, dmsVersion: "fifteen").load()
    }
    #expect(throws: ConfigurationLoadError.version(.tooOld("10.0"))) { try source(folder, dmsVersion: "10.0").load() }
    #expect(ConfigurationLoadError.version(.tooOld("10.0")).description
      == "DMS version '10.0' is older than 11.0.0, which this tool does not model; upgrade DMS or pass --dms-version with 11 or newer")
  }

  @Test("a digest or too-old image only fails commands that need the version")
  func imageVersionProblem() throws {
    let folder = try TempFolder()
    try folder.write("docker-compose.yaml", "services:\n  mailserver:\n    image: mailserver/docker-mailserver:10.5\n")
    let loaded = try source(folder).load()
    #expect(loaded.version == nil)
    do {
      _ = try loaded.requireVersion()
      Issue.record("a version")
    } catch {
      #expect(error.description == "DMS version '10.5' is older than 11.0.0, which this tool does not model; upgrade DMS or pass --dms-version with 11 or newer (image 'mailserver/docker-mailserver:10.5' in \(folder.file("docker-compose.yaml")))")
    }
  }

  @Test("compose file defaults are tried in order")
  func composeOrder() throws {
    let folder = try TempFolder()
    try folder.write("docker-compose.yml", "services:\n  mailserver:\n    image: docker-mailserver:11\n")
    try folder.write("compose.yml", "services:\n  mailserver:\n    image: docker-mailserver:12\n")
    #expect(try source(folder).load().compose?.file == folder.file("compose.yml"))
  }

  @Test("missing things: explicit config folder, required env file, explicit compose file")
  func missing() throws {
    let folder = try TempFolder()
    #expect(throws: ConfigurationLoadError.missingConfigDirectory(folder.file("nope"))) {
      try source(folder, configDirectory: folder.file("nope")).load()
    }
    #expect(ConfigurationLoadError.missingConfigDirectory("x").description == "config folder 'x' does not exist")
    try folder.write("file", "x")
    #expect(throws: ConfigurationLoadError.notADirectory(folder.file("file"))) {
      try source(folder, configDirectory: folder.file("file")).load()
    }
    #expect(throws: ConfigurationLoadError.missingFile(folder.file("c.yaml"))) {
      try source(folder, composeFile: folder.file("c.yaml")).load()
    }
    try folder.write("compose.yaml", "services:\n  mailserver:\n    image: docker-mailserver\n    env_file: gone.env\n")
    #expect(throws: ConfigurationLoadError.missingEnvFile(path: folder.file("gone.env"), composeFile: folder.file("compose.yaml"))) {
      try source(folder).load()
    }
  }

  @Test("an explicit env file that does not exist yet is a warning (set-env creates it)")
  func explicitEnvMissing() throws {
    let folder = try TempFolder()
    let loaded = try source(folder, envFile: folder.file("new.env")).load()
    #expect(loaded.warnings == ["env file '\(folder.file("new.env"))' does not exist; set-env creates it"])
    #expect(loaded.envLocation(for: "RELAY_HOST") == .envFile(path: folder.file("new.env")))
  }

  @Test("a config file that is a folder cannot be read")
  func unreadable() throws {
    let folder = try TempFolder()
    try folder.write("cfg/postfix-relaymap.cf/inner", "x")
    #expect(throws: ConfigurationLoadError.notARegularFile(path: folder.file("cfg/postfix-relaymap.cf"), kind: "a folder")) {
      try source(folder, configDirectory: folder.file("cfg")).load()
    }
  }

  @Test("compose values without a value are warned about, not invented")
  func passThrough() throws {
    let folder = try TempFolder()
    try folder.write("compose.yaml", "services:\n  mailserver:\n    image: docker-mailserver\n    environment:\n      - RELAY_PASSWORD\n")
    let loaded = try source(folder).load()
    #expect(!loaded.configuration.environment.isSet("RELAY_PASSWORD"))
    #expect(loaded.warnings == ["\(folder.file("compose.yaml")):5: 'RELAY_PASSWORD' has no value; compose takes it from the shell, which dms-relay cannot see"])
  }
}

@Suite("LoadedConfiguration plans edits onto the right files")
struct LoadedConfigurationPlanTests {
  @Test("relay map and sasl edits in one plan; originals as read; sasl redacted in the diff")
  func planTwoFiles() throws {
    let folder = try TempFolder()
    try folder.write("cfg/postfix-relaymap.cf", "# map\n")
    let loaded = try ConfigurationSource(configDirectory: folder.file("cfg")).load()
    let plan = try loaded.plan([
      .addDomain(domain: "a.test", host: "h.test", port: 587),
      .addAuth(domain: "a.test", user: "u", password: "hunter2"),
      .excludeDomain(domain: "b.test"),
    ])
    #expect(plan.files.map(\.name) == ["postfix-relaymap.cf", "postfix-sasl-password.cf"])
    #expect(plan.files[0].originalBytes == Array("# map\n".utf8))
    #expect(plan.files[0].newBytes == Array("# map\n@a.test [h.test]:587\n@b.test \n".utf8))
    #expect(plan.files[1].existed == false)
    #expect(plan.files[1].creationMode == 0o600)
    let diff = plan.diff()
    #expect(diff.contains("+@a.test u:<redacted>\n"))
    #expect(!diff.contains("hunter2"))
    #expect(plan.diff(showSecrets: true).contains("+@a.test u:hunter2\n"))
  }

  @Test("without a config folder, file edits say how to give one")
  func noConfig() throws {
    let folder = try TempFolder()
    let loaded = try ConfigurationSource(baseDirectory: folder.path).load()
    #expect(throws: EditError.noConfigDirectory) { try loaded.plan([.delDomain(domain: "a.test")]) }
    #expect(throws: EditError.noEnvFile(key: "RELAY_HOST")) { try loaded.plan([.setEnv(key: "RELAY_HOST", value: "h")]) }
  }

  @Test("env inline in compose is refused with a pointer to the compose file")
  func composeInline() throws {
    let folder = try TempFolder()
    try folder.write("compose.yaml", "services:\n  mailserver:\n    image: docker-mailserver\n    environment:\n      RELAY_HOST: h\n")
    let loaded = try ConfigurationSource(baseDirectory: folder.path).load()
    let compose = folder.file("compose.yaml")
    #expect(throws: EditError.envInlineInCompose(composeFile: compose, service: "mailserver", key: "RELAY_HOST")) {
      try loaded.plan([.setEnv(key: "RELAY_HOST", value: "x")])
    }
    // Not inline and no env_file: there is no env file to write, not "set inline" (issue 11 §13, issue 14 fix 4).
    #expect(throws: EditError.noEnvFileInCompose(composeFile: compose, service: "mailserver", key: "RELAY_PORT")) {
      try loaded.plan([.setEnv(key: "RELAY_PORT", value: "587")])
    }
    #expect(EditError.envInlineInCompose(composeFile: "c.yaml", service: "m", key: "K").description
      == "'K' is set inline in c.yaml (service 'm'); dms-relay does not rewrite compose files. Move the environment to an env_file, or edit it by hand")
  }

  @Test("a key set inline in compose cannot be changed via its env file")
  func overridden() throws {
    let folder = try TempFolder()
    try folder.write("compose.yaml", "services:\n  mailserver:\n    image: docker-mailserver\n    env_file: m.env\n    environment:\n      RELAY_HOST: h\n")
    try folder.write("m.env", "RELAY_HOST=old\n")
    let loaded = try ConfigurationSource(baseDirectory: folder.path).load()
    #expect(throws: EditError.envOverriddenByCompose(composeFile: folder.file("compose.yaml"), service: "mailserver", key: "RELAY_HOST")) {
      try loaded.plan([.setEnv(key: "RELAY_HOST", value: "x")])
    }
  }

  @Test("unset-env removes the key from every env file that assigns it")
  func unsetEverywhere() throws {
    let folder = try TempFolder()
    try folder.write("compose.yaml", "services:\n  mailserver:\n    image: docker-mailserver\n    env_file: [a.env, b.env, c.env]\n")
    try folder.write("a.env", "RELAY_PASSWORD=x\n")
    try folder.write("b.env", "OTHER=1\n")
    try folder.write("c.env", "RELAY_PASSWORD=y\n")
    let plan = try ConfigurationSource(baseDirectory: folder.path).load().plan([.unsetEnv(key: "RELAY_PASSWORD")])
    #expect(plan.files.map(\.name) == ["a.env", "c.env"])
    #expect(plan.files.allSatisfy { $0.newBytes.isEmpty })
  }

  @Test("a new env file receiving a password is created 0600")
  func newSecretEnv() throws {
    let folder = try TempFolder()
    let loaded = try ConfigurationSource(envFile: folder.file("new.env")).load()
    let plan = try loaded.plan([.setEnv(key: "RELAY_PASSWORD", value: "p")])
    #expect(plan.files.first?.creationMode == 0o600)
    #expect(try loaded.plan([.setEnv(key: "RELAY_HOST", value: "h")]).files.first?.creationMode == 0o644)
  }

  @Test("a no-op edit gives an empty plan with its note")
  func noOp() throws {
    let folder = try TempFolder()
    try folder.write("cfg/postfix-relaymap.cf", "@a.test [h.test]:25\n")
    let plan = try ConfigurationSource(configDirectory: folder.file("cfg")).load().plan([.addDomain(domain: "a.test", host: "h.test")])
    #expect(plan.isEmpty)
    #expect(plan.files.isEmpty)
    #expect(plan.notes == ["postfix-relaymap.cf:1: already '@a.test [h.test]:25'; nothing to change"])
  }

  @Test("plan then write then reload shows the edit; a concurrent change is refused")
  func endToEnd() throws {
    let folder = try TempFolder()
    try folder.write("cfg/postfix-relaymap.cf", "@a.test [old]:25\n")
    let loaded = try ConfigurationSource(configDirectory: folder.file("cfg")).load()
    let plan = try loaded.plan([.addDomain(domain: "a.test", host: "new.test", port: 587)])
    try folder.write("cfg/postfix-relaymap.cf", "@a.test [someone-else]:25\n")
    #expect(throws: WriteError.fileChangedOnDisk(folder.file("cfg/postfix-relaymap.cf"))) { try FileStore().write(plan) }
    #expect(folder.text("cfg/postfix-relaymap.cf") == "@a.test [someone-else]:25\n")
    let fresh = try ConfigurationSource(configDirectory: folder.file("cfg")).load()
    try FileStore().write(try fresh.plan([.addDomain(domain: "a.test", host: "new.test", port: 587)]))
    let reloaded = try ConfigurationSource(configDirectory: folder.file("cfg")).load()
    #expect(reloaded.configuration.relayMap?.kinds == [.relay(key: "@a.test", value: "[new.test]:587")])
  }
}
