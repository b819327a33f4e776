import Testing

@testable import RelayModel

@Suite("ComposeService finds the DMS service and reads it as compose does")
struct ComposeServiceTests {
  func parse(_ yaml: String, file: String = "dir/compose.yaml") throws(ComposeError) -> ComposeService {
    try ComposeService.parse(yaml: yaml, file: file)
  }

  @Test("DMS's own example compose file")
  func dmsExample() throws {
    let service = try parse("""
      services:
        mailserver:
          image: ghcr.io/docker-mailserver/docker-mailserver:latest
          container_name: mailserver
          hostname: mail.example.com
          env_file: mailserver.env
          ports:
            - "25:25"
          volumes:
            - ./docker-data/dms/mail-data/:/var/mail/
            - ./docker-data/dms/config/:/tmp/docker-mailserver/
            - /etc/localtime:/etc/localtime:ro
      """)
    #expect(service.name == "mailserver")
    #expect(service.hostname == "mail.example.com")
    #expect(service.envFiles == [.init(path: "dir/mailserver.env")])
    #expect(service.configDirectory == "dir/docker-data/dms/config/")
    #expect(service.imageTag == "latest")
    #expect(try service.version() == DMSVersion(name: "latest", family: .v14plus))
  }

  @Test("the service is found by image before name")
  func findByImage() throws {
    let service = try parse("""
      services:
        mailserver:
          image: nginx
        mail:
          image: mailserver/docker-mailserver:13.3.1
      """)
    #expect(service.name == "mail")
    #expect(try service.version()?.family == .v12to13)
  }

  @Test("the image tag edge selects the edge rules, not 15.1.0's")
  func edgeTag() throws {
    let service = try parse("""
      services:
        mailserver:
          image: ghcr.io/docker-mailserver/docker-mailserver:edge
      """)
    #expect(try service.version() == DMSVersion(name: "edge", family: .edge))
  }

  @Test("no DMS service names the services found")
  func noService() {
    #expect(throws: ComposeError.noMailserverService(file: "dir/compose.yaml", services: ["web", "db"])) {
      try parse("services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n")
    }
    #expect(ComposeError.noMailserverService(file: "c.yaml", services: ["web"]).description
      == "c.yaml: no docker-mailserver service (no image containing 'docker-mailserver' and no service named 'mailserver'; services: 'web')")
  }

  @Test("environment as a map: numbers and booleans as written, null as unknown")
  func environmentMap() throws {
    let service = try parse("""
      services:
        mailserver:
          image: mailserver/docker-mailserver:14
          environment:
            RELAY_HOST: smtp.relay.test
            RELAY_PORT: 587
            ENABLE_SRS: true
            RELAY_USER:
            RELAY_PASSWORD: "quoted # not a comment"
      """)
    #expect(service.environment.map(\.key) == ["RELAY_HOST", "RELAY_PORT", "ENABLE_SRS", "RELAY_USER", "RELAY_PASSWORD"])
    #expect(service.environment.map(\.value) == ["smtp.relay.test", "587", "true", nil, "quoted # not a comment"])
    #expect(service.environment[0].line == 5)
  }

  @Test("environment as a list, values with '=' and pass-through keys")
  func environmentList() throws {
    let service = try parse("""
      services:
        mailserver:
          image: mailserver/docker-mailserver:edge
          environment:
            - RELAY_HOST=smtp.relay.test
            - SASL_PASSWD=[h]:587 u:p=w
            - RELAY_USER
      """)
    #expect(service.environment == [
      .init(key: "RELAY_HOST", value: "smtp.relay.test", line: 5),
      .init(key: "SASL_PASSWD", value: "[h]:587 u:p=w", line: 6),
      .init(key: "RELAY_USER", value: nil, line: 7),
    ])
  }

  @Test("env_file as a list of strings and of {path, required}")
  func envFileForms() throws {
    let service = try parse("""
      services:
        mailserver:
          image: docker-mailserver
          env_file:
            - ./a.env
            - path: /abs/b.env
              required: false
            - path: sub/c.env
      """)
    #expect(service.envFiles == [
      .init(path: "dir/a.env"), .init(path: "/abs/b.env", isRequired: false), .init(path: "dir/sub/c.env"),
    ])
  }

  @Test("image tags", arguments: [
    ("mailserver/docker-mailserver:13.3.1", "13.3.1"),
    ("ghcr.io/docker-mailserver/docker-mailserver:14", "14"),
    ("docker.io/mailserver/docker-mailserver", "latest"),
    ("localhost:5000/docker-mailserver:11.3", "11.3"),
    ("localhost:5000/docker-mailserver", "latest"),
    ("mailserver/docker-mailserver@sha256:abcd", "sha256:abcd"),
  ])
  func tags(_ image: String, _ tag: String) {
    #expect(ComposeService(file: "c", name: "m", image: image).imageTag == tag)
  }

  @Test("a digest or a too-old tag is a version error")
  func versionErrors() {
    #expect(throws: DMSVersion.ParseError.digest("sha256:abcd")) {
      try ComposeService(file: "c", name: "m", image: "mailserver/docker-mailserver@sha256:abcd").version()
    }
    #expect(throws: DMSVersion.ParseError.tooOld("10.5.0")) {
      try ComposeService(file: "c", name: "m", image: "mailserver/docker-mailserver:10.5.0").version()
    }
  }

  @Test("long-syntax bind mount of the config folder")
  func longVolume() throws {
    let service = try parse("""
      services:
        mailserver:
          image: docker-mailserver
          volumes:
            - type: bind
              source: ./cfg
              target: /tmp/docker-mailserver
      """, file: "compose.yaml")
    #expect(service.configDirectory == "cfg")
  }

  @Test("invalid YAML and wrong shapes name the file and line")
  func invalid() {
    do {
      _ = try parse("services:\n  mailserver: [\n")
      Issue.record("parsed")
    } catch {
      guard case .invalidYAML(let file, _) = error else { Issue.record("\(error)"); return }
      #expect(file == "dir/compose.yaml")
    }
    #expect(throws: ComposeError.unexpectedShape(file: "dir/compose.yaml", line: 4, reason: "'environment:' is neither a mapping nor a list")) {
      try parse("services:\n  mailserver:\n    image: docker-mailserver\n    environment: RELAY_HOST\n")
    }
  }

  @Test("the paste snippet is valid YAML that reads back the same values")
  func snippet() throws {
    let service = ComposeService(file: "compose.yaml", name: "mailserver", image: "docker-mailserver")
    let text = service.snippet(setting: [("RELAY_HOST", "smtp.test"), ("RELAY_PASSWORD", "a: b #c"), ("RELAY_USER", nil)])
    #expect(text == """
      services:
        mailserver:
          environment:
            - RELAY_HOST=smtp.test
            - "RELAY_PASSWORD=a: b #c"
            # remove the 'RELAY_USER' entry

      """)
    let parsed = try parse(text.replacingOccurrences(of: "    environment:", with: "    image: docker-mailserver\n    environment:"))
    #expect(parsed.environment.map(\.value) == ["smtp.test", "a: b #c"])
  }
}
