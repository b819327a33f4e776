import Foundation
import Testing

/// `check` logs in with a password DMS 15.1+ reads from `RELAY_PASSWORD__FILE` (spec §10),
/// and the transcript never shows it.
@Suite("dms-relay check with RELAY_PASSWORD__FILE", .serialized)
struct FileSecretCheckTests {
  @Test("the password file mapped through /tmp/docker-mailserver authenticates; the transcript redacts it")
  func authenticatesWithFilePassword() async throws {
    let relay = try await FakeRelay(FakeRelay.Behaviour(), tls: try TestWorld.serverTLS(names: ["good.test"]))
    defer { Task { await relay.stop() } }
    let dir = try TestWorld.folder()
    try "ann@a.test|{SHA512-CRYPT}$6$x$y\n".write(toFile: "\(dir)/postfix-accounts.cf", atomically: true, encoding: .utf8)
    try "s3cret:pass\n".write(toFile: "\(dir)/relay_password", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(dir)/relay_password")
    try """
    RELAY_HOST=127.0.0.1
    RELAY_PORT=\(relay.port)
    RELAY_USER=relayuser
    RELAY_PASSWORD__FILE=/tmp/docker-mailserver/relay_password

    """.write(toFile: "\(dir)/mailserver.env", atomically: true, encoding: .utf8)
    let options = ["--config-dir", dir, "--env-file", "\(dir)/mailserver.env"]
    let output = try CheckCommandTests().run(
      ["check", "--transcript", "--sender", "ann@a.test", "--dms-version", "15.1.0"] + options)
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.contains("    C: AUTH PLAIN <redacted>"))
    #expect(output.stdout.contains("    S: 235 2.7.0 Authentication successful"))
    #expect(!output.stdout.contains("s3cret") && !output.stderr.contains("s3cret"))
    // 15.0.2 ignores the file: no credentials, so no AUTH at all.
    let older = try CheckCommandTests().run(
      ["check", "--transcript", "--sender", "ann@a.test", "--dms-version", "15.0.2"] + options)
    #expect(older.stdout.contains("no credentials match 'ann@a.test': Postfix sends no AUTH"), "\(older.stdout)")
    #expect(!older.stdout.contains("C: AUTH"))
  }
}
