import Foundation
import NIOSSL
import RelayLive
import RelayModel

/// Temp files, certificates and plans for the relay check tests.
enum TestWorld {
  /// A fresh temp folder.
  static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "dms-relay-check-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A self-signed certificate and key for `names` made with openssl now, as a server
  /// TLS context (nil when openssl is missing, which `scripts/install-postfix-deps` installs).
  static func serverTLS(names: [String]) throws -> NIOSSLContext {
    let dir = try folder()
    let san = names.map { "DNS:\($0)" }.joined(separator: ",")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=\(names[0])",
      "-addext", "subjectAltName=\(san)", "-keyout", "\(dir)/key.pem", "-out", "\(dir)/cert.pem",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    precondition(process.terminationStatus == 0, "openssl req failed")
    let configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: try NIOSSLCertificate.fromPEMFile("\(dir)/cert.pem").map { .certificate($0) },
      privateKey: .privateKey(try NIOSSLPrivateKey(file: "\(dir)/key.pem", format: .pem)))
    return try NIOSSLContext(configuration: configuration)
  }

  /// Loads a DMS 14 config folder holding `relaymap` and `sasl` (file contents) and
  /// `accounts` lines, as the CLI would.
  /// `files`: more config files by name (e.g. `postfix-main.cf`).
  static func preview(
    relaymap: String, sasl: String?, accounts: [String] = [], env: String = "", files: [String: String] = [:]
  ) throws -> (RoutingPreview, Configuration) {
    let dir = try folder()
    for (name, text) in files { try text.write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8) }
    try relaymap.write(toFile: "\(dir)/postfix-relaymap.cf", atomically: true, encoding: .utf8)
    if let sasl { try sasl.write(toFile: "\(dir)/postfix-sasl-password.cf", atomically: true, encoding: .utf8) }
    let accountLines = accounts.map { "\($0)|{SHA512-CRYPT}$6$x$y\n" }.joined()
    try accountLines.write(toFile: "\(dir)/postfix-accounts.cf", atomically: true, encoding: .utf8)
    try env.write(toFile: "\(dir)/mailserver.env", atomically: true, encoding: .utf8)
    let loaded = try ConfigurationSource(
      configDirectory: dir, envFile: "\(dir)/mailserver.env", dmsVersion: "14.0.0", baseDirectory: dir
    ).load()
    let version = try loaded.requireVersion()
    return (RoutingPreview(configuration: loaded.configuration, version: version), loaded.configuration)
  }

  /// The plan for `sender` on a DMS 14 configuration whose relay map sends it to `relay`
  /// with `user:password` keyed to its domain.
  static func plan(
    sender: String = "alice@example.test", relay: String, credentials: String? = "relayuser:s3cret:pass",
    sendTo: String? = nil
  ) throws -> CheckPlan {
    let domain = String(sender.split(separator: "@").last!)
    let (preview, configuration) = try preview(
      relaymap: "@\(domain) \(relay)\n", sasl: credentials.map { "@\(domain) \($0)\n" }, accounts: [sender])
    let target = preview.checkTargets(.senders([sender]), configuration: configuration, sendTo: sendTo)[0]
    guard let plan = target.plan else { throw PlanMissing(reason: target.skipReason ?? "?") }
    return plan
  }

  struct PlanMissing: Error {
    var reason: String
  }

  /// 10 s steps unless a test measures timeouts (it passes its own): a debug TLS handshake
  /// under the whole suite on two cores once took more than 3 s.
  static func options(step: Double = 10, dns: FakeDNS? = nil) -> CheckOptions {
    CheckOptions(
      stepTimeout: step, heloName: "check.test",
      resolution: NameResolution(server: dns.map { ("127.0.0.1", $0.port) }, timeoutSeconds: 1))
  }
}
