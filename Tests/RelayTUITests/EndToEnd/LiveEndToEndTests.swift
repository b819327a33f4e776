import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The live parts of the UI in the real binary: a relay check against loopback ports, and
/// the Observed screen on a mail log.
@Suite(
  "Terminal UI live checks and mail log end to end (tmux)", .tags(.tmux), .serialized,
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed; install it (apt-get install tmux) to run the end-to-end UI tests"))
struct LiveEndToEndTests {
  let config = "docker-data/dms/config"

  /// A checkout whose two domains relay to loopback ports, with a password that must never show.
  func checkout(closedPort: Int, silentPort: Int) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dms-relay-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: "\(root)/\(config)", withIntermediateDirectories: true)
    let files = [
      "postfix-relaymap.cf": "@closed.test [127.0.0.1]:\(closedPort)\n@silent.test [127.0.0.1]:\(silentPort)\n",
      "postfix-sasl-password.cf": "@closed.test closed-user:pw-never-shown\n",
      "postfix-accounts.cf": "user@closed.test|{SHA512-CRYPT}$6$x$y\nuser@silent.test|{SHA512-CRYPT}$6$x$y\n",
    ]
    for (name, text) in files {
      FileManager.default.createFile(atPath: "\(root)/\(config)/\(name)", contents: Data(text.utf8))
    }
    FileManager.default.createFile(atPath: "\(root)/mailserver.env", contents: Data("RELAY_HOST=\n".utf8))
    return root
  }

  /// A loopback port that takes connections into its backlog and never greets; and a port
  /// nothing listens on (bound, then closed).
  static func ports() -> (silent: Int32, silentPort: Int, closedPort: Int) {
    func listener(listening: Bool) -> (Int32, Int) {
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      address.sin_port = 0
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
          _ = bind(fd, pointer, length)
          _ = getsockname(fd, pointer, &length)
        }
      }
      if listening { listen(fd, 8) }
      return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
    let (silent, silentPort) = listener(listening: true)
    let (closed, closedPort) = listener(listening: false)
    close(closed)
    return (silent, silentPort, closedPort)
  }

  @Test("T checks the selected domain: a closed port fails at connect in bounded time; Esc cancels a silent relay")
  func relayCheck() throws {
    let (silent, silentPort, closedPort) = Self.ports()
    defer { close(silent) }
    let root = try checkout(closedPort: closedPort, silentPort: silentPort)
    let session = try TmuxSession(
      [EndToEnd.binary, "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", "15.1.0"],
      in: root, columns: 100, rows: 30)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("1 Domains 2")
    try session.waitFor("T  check")
    try session.press("T")
    let started = Date()
    var screen = try session.waitFor("check at ", timeout: 15)
    #expect(Date().timeIntervalSince(started) < 15)
    #expect(screen.contains("FAILED at connect: user@closed.test via 127.0.0.1:\(closedPort)"))
    #expect(screen.contains("Checked"))
    #expect(screen.contains("✖ "))
    #expect(!screen.contains("pw-never-shown"))
    // The silent relay: the check waits at the greeting; the UI still answers, Esc cancels.
    try session.press("Down")
    try session.waitFor("@silent.test  ")
    try session.press("T")
    try session.waitFor("greeting …", timeout: 10)
    try session.press("Escape")
    screen = try session.waitFor("check cancelled", timeout: 3)
    #expect(!screen.contains("greeting …"))
    try session.press("q")
    #expect(try session.waitForExit() == 0)
  }

  /// Postfix's lines for one message from `sender`, delivered through `relay` (`host[ip]:port`).
  static func message(_ id: String, at time: String, from sender: String, relay: String) -> String {
    """
    Dec 05 \(time) mail postfix/qmgr[513]: \(id): from=<\(sender)>, size=1843, nrcpt=1 (queue active)
    Dec 05 \(time) mail postfix/smtp[702]: \(id): to=<someone@example.org>, relay=\(relay), delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued)
    Dec 05 \(time) mail postfix/qmgr[513]: \(id): removed

    """
  }

  @Test("screen 6 reads --mail-log, f follows it as it grows, Enter lists a domain's messages")
  func observedFollow() throws {
    let root = try checkout(closedPort: 2525, silentPort: 2526)
    let log = "\(root)/mail.log"
    FileManager.default.createFile(
      atPath: log,
      contents: Data(Self.message("3A1F2C0D41", at: "08:04:11", from: "user@closed.test", relay: "127.0.0.1[127.0.0.1]:2525").utf8))
    let session = try TmuxSession(
      [EndToEnd.binary, "--config-dir", config, "--env-file", "mailserver.env", "--dms-version", "15.1.0", "--mail-log", log],
      in: root, columns: 100, rows: 30)
    defer {
      session.kill()
      try? FileManager.default.removeItem(atPath: root)
    }
    try session.waitFor("6 Observed")
    try session.press("6")
    var screen = try session.waitFor("read 1 message(s) from /")
    #expect(screen.contains("6 Observed 1"))
    #expect(screen.contains("✔ closed.test"))
    try session.press("f")
    try session.waitFor("f  stop following")
    // Mail from silent.test goes direct although the files relay it: it shows up, marked.
    let handle = try #require(FileHandle(forWritingAtPath: log))
    handle.seekToEndOfFile()
    handle.write(Data(Self.message("4B2E3D1E52", at: "09:15:40", from: "user@silent.test", relay: "mx.example.org[192.0.2.25]:25").utf8))
    try handle.close()
    screen = try session.waitFor("≠ silent.test", timeout: 10)
    #expect(screen.contains("6 Observed ≠"))
    try session.press("Down")
    try session.press("Enter")
    screen = try session.waitFor("Messages from silent.test: 1")
    #expect(screen.contains("someone@example.org → mx.example.org:25"))
    try session.press("Escape")
    // Leaving the screen stops following.
    try session.press("4")
    try session.waitFor("stopped following the mail log")
    try session.waitFor("◆ @silent.test")
    try session.press("q")
    #expect(try session.waitForExit() == 0)
  }
}
