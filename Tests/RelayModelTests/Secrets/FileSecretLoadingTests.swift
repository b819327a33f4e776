import Foundation
import Testing

@testable import RelayModel

/// `VAR__FILE` paths mapped through compose and read as DMS's `$(< file)` reads them (spec §10).
@Suite("__FILE variables: container paths mapped to host files and read like DMS")
struct FileSecretLoadingTests {
  static let compose = """
    services:
      mailserver:
        image: ghcr.io/docker-mailserver/docker-mailserver:15.1.0
        env_file: mailserver.env
        volumes:
          - ./docker-data/dms/config/:/tmp/docker-mailserver/
          - mail-data:/var/mail/
          - type: bind
            source: ./extra
            target: /etc/extra
        secrets:
          - relay_password
          - source: relay_user
            target: user.txt
          - from_host_env
          - undeclared
    secrets:
      relay_password:
        file: ./secrets/relay_password
      relay_user:
        file: ./secrets/user
      from_host_env:
        environment: RELAY_SECRET_FROM_SHELL
    volumes:
      mail-data:
    """

  func load(_ folder: TempFolder, env: String, compose: String? = Self.compose) throws -> LoadedConfiguration {
    if let compose { try folder.write("compose.yaml", compose) }
    try folder.write("mailserver.env", env, mode: 0o600)
    try FileManager.default.createDirectory(atPath: folder.file("docker-data/dms/config"), withIntermediateDirectories: true)
    return try ConfigurationSource(baseDirectory: folder.path).load()
  }

  func found(_ loaded: LoadedConfiguration, _ variable: String) -> FileSecret? {
    loaded.configuration.fileSecrets.first { $0.variable == variable }
  }

  @Test("a compose secret at /run/secrets/NAME maps to its top-level 'file:', relative to the compose folder")
  func composeSecret() throws {
    let folder = try TempFolder()
    try folder.write("secrets/relay_password", "s3cret-pw\n\n")
    let loaded = try load(folder, env: "RELAY_HOST=relay.test\nRELAY_PASSWORD__FILE=/run/secrets/relay_password\n")
    let secret = try #require(found(loaded, "RELAY_PASSWORD__FILE"))
    #expect(secret.target == "RELAY_PASSWORD")
    #expect(secret.content == .read(hostPath: folder.file("secrets/relay_password"), value: "s3cret-pw"))
    #expect(secret.origin == .fromFile(variable: "RELAY_PASSWORD__FILE", path: folder.file("secrets/relay_password")))
  }

  @Test("a long-syntax secret with a relative target lands in /run/secrets/TARGET")
  func longSyntaxSecret() throws {
    let folder = try TempFolder()
    try folder.write("secrets/user", "relay-user")
    let loaded = try load(folder, env: "RELAY_USER__FILE=/run/secrets/user.txt\n")
    #expect(found(loaded, "RELAY_USER__FILE")?.content == .read(hostPath: folder.file("secrets/user"), value: "relay-user"))
  }

  @Test("a path under /tmp/docker-mailserver maps into the config folder; bind mounts map their sub-paths")
  func volumes() throws {
    let folder = try TempFolder()
    try folder.write("docker-data/dms/config/secrets/pw", "in-config\n")
    try folder.write("extra/deep/user", "bound\n")
    let loaded = try load(
      folder, env: "RELAY_PASSWORD__FILE=/tmp/docker-mailserver/secrets/pw\nRELAY_USER__FILE=/etc/extra/./deep//user\n")
    #expect(found(loaded, "RELAY_PASSWORD__FILE")?.value == "in-config")
    #expect(found(loaded, "RELAY_PASSWORD__FILE")?.hostPath == folder.file("docker-data/dms/config/secrets/pw"))
    #expect(found(loaded, "RELAY_USER__FILE")?.content == .read(hostPath: folder.file("extra/deep/user"), value: "bound"))
  }

  @Test("without a compose file, /tmp/docker-mailserver still maps to the config folder found")
  func noCompose() throws {
    let folder = try TempFolder()
    try folder.write("docker-data/dms/config/pw", "pw\n")
    let loaded = try load(
      folder, env: "RELAY_PASSWORD__FILE=/tmp/docker-mailserver/pw\nRELAY_USER__FILE=/run/secrets/u\n", compose: nil)
    #expect(found(loaded, "RELAY_PASSWORD__FILE")?.value == "pw")
    #expect(
      found(loaded, "RELAY_USER__FILE")?.content
        == .unmapped(reason: "there is no compose file to say which host file is mounted there"))
  }

  @Test("unmappable paths say which path and why: named volume, host-env secret, undeclared secret, nothing mounted, relative")
  func unmappable() throws {
    let folder = try TempFolder()
    let loaded = try load(
      folder,
      env: """
        A__FILE=/var/mail/pw
        B__FILE=/run/secrets/from_host_env
        C__FILE=/run/secrets/undeclared
        D__FILE=/etc/nowhere/pw
        E__FILE=secrets/pw
        F__FILE=

        """)
    #expect(found(loaded, "A__FILE")?.content == .unmapped(reason: "it is inside the named volume 'mail-data' mounted at '/var/mail'"))
    #expect(
      found(loaded, "B__FILE")?.content
        == .unmapped(reason: "it is inside the secret 'from_host_env', taken from the host variable 'RELAY_SECRET_FROM_SHELL' mounted at '/run/secrets/from_host_env'"))
    #expect(
      found(loaded, "C__FILE")?.content
        == .unmapped(reason: "it is inside the secret 'undeclared', which the top-level 'secrets:' does not declare mounted at '/run/secrets/undeclared'"))
    #expect(
      found(loaded, "D__FILE")?.content
        == .unmapped(reason: "no volume or secret of service 'mailserver' in \(folder.file("compose.yaml")) covers it"))
    #expect(found(loaded, "E__FILE")?.content == .unmapped(reason: "it is not an absolute path"))
    #expect(found(loaded, "F__FILE")?.content == .unmapped(reason: "the variable is empty"))
  }

  @Test("a mapped file that does not exist, or is a folder, is missing (DMS's '-f' test)")
  func missing() throws {
    let folder = try TempFolder()
    try FileManager.default.createDirectory(atPath: folder.file("extra/dir"), withIntermediateDirectories: true)
    let loaded = try load(folder, env: "RELAY_PASSWORD__FILE=/run/secrets/relay_password\nRELAY_USER__FILE=/etc/extra/dir\n")
    #expect(found(loaded, "RELAY_PASSWORD__FILE")?.content == .missing(hostPath: folder.file("secrets/relay_password")))
    #expect(found(loaded, "RELAY_USER__FILE")?.content == .missing(hostPath: folder.file("extra/dir")))
  }

  @Test("trailing newlines are stripped, inner newlines and a trailing CR kept, NUL bytes dropped")
  func shellValue() {
    #expect(FileSecret.shellValue(Array("pw\n\n\n".utf8)) == "pw")
    #expect(FileSecret.shellValue(Array("line1\nline2\n".utf8)) == "line1\nline2")
    #expect(FileSecret.shellValue(Array("pw\r\n".utf8)) == "pw\r")
    #expect(FileSecret.shellValue([0x70, 0x00, 0x77, 0x0A]) == "pw")
    #expect(FileSecret.shellValue(Array("\n\n".utf8)) == "")
  }

  @Test("a file over 64 KB is not read")
  func tooLarge() throws {
    let folder = try TempFolder()
    try folder.write("secrets/relay_password", String(repeating: "x", count: (64 << 10) + 1))
    let loaded = try load(folder, env: "RELAY_PASSWORD__FILE=/run/secrets/relay_password\n")
    #expect(
      found(loaded, "RELAY_PASSWORD__FILE")?.content
        == .unreadable(hostPath: folder.file("secrets/relay_password"), reason: "it is larger than 64 KB"))
  }

  @Test("variable names as DMS's grep '^.+?__FILE' finds them")
  func names() {
    let found = FileSecret.variableNames(in: ["RELAY_PASSWORD__FILE", "__FILE", "A__FILE_B", "A__FILE", "PLAIN"])
    #expect(found.map(\.variable) == ["A__FILE", "RELAY_PASSWORD__FILE"])
    #expect(found.map(\.target) == ["A", "RELAY_PASSWORD"])
  }

  @Test("an edit that points RELAY_PASSWORD__FILE elsewhere previews the file it now names, once read; undo goes back")
  func editedPath() throws {
    let folder = try TempFolder()
    try folder.write("docker-data/dms/config/old-pw", "old-password\n")
    try folder.write("docker-data/dms/config/new-pw", "new-password\n")
    try folder.write("docker-data/dms/config/postfix-accounts.cf", "u@a.test|{SHA512-CRYPT}x\n")
    let loaded = try load(
      folder, env: "RELAY_HOST=r.test\nRELAY_USER=u\nRELAY_PASSWORD__FILE=/tmp/docker-mailserver/old-pw\n")
    let version = try DMSVersion.parse("15.1.0")
    func password(_ workspace: Workspace) -> String? {
      let env = workspace.configuration.environment(for: version, path: .startup)
      return env.isSet("RELAY_PASSWORD") ? env["RELAY_PASSWORD"] : nil
    }
    var workspace = Workspace(loaded)
    #expect(password(workspace) == "old-password")
    #expect(workspace.unreadSecretFiles.isEmpty)

    try workspace.apply(.setEnv(key: "RELAY_PASSWORD__FILE", value: "/tmp/docker-mailserver/new-pw"))
    // Never the old file's value for the new path: nothing until the file is read.
    #expect(workspace.unreadSecretFiles == ["/tmp/docker-mailserver/new-pw"])
    #expect(password(workspace) == nil)

    // The UI's reducer asks the runner to read it, and previews it when told what it holds.
    var state = AppFixture.state(loaded)
    state.workspace = workspace
    let effects = reduce(into: &state, action: .resized(AppFixture.size))
    #expect(effects == [.readSecretFiles(["/tmp/docker-mailserver/new-pw"])])
    let contents = FileSecret.read(
      ["/tmp/docker-mailserver/new-pw"], compose: loaded.compose, configDirectory: loaded.configDirectory)
    #expect(reduce(into: &state, action: .secretFilesRead(contents)) == [])
    #expect(password(state.workspace) == "new-password")
    #expect(state.preview.routes.contains { $0.sender == "@a.test" && $0.authUser == "u" })

    // Undo: the file read at load, without reading again.
    workspace.secretFilesRead(contents)
    _ = workspace.undo()
    #expect(workspace.unreadSecretFiles.isEmpty)
    #expect(password(workspace) == "old-password")
  }
}
