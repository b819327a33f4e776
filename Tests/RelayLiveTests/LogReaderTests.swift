import Foundation
import Testing
@testable import RelayLive
import RelayModel

/// A temp folder removed at the end of the test.
final class TempFolder {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "dms-relay-log-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func write(_ name: String, _ text: String) {
    FileManager.default.createFile(atPath: path + "/" + name, contents: Data(text.utf8))
  }

  func gzip(_ name: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-f", path + "/" + name]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }
}

/// A message of its own queue ID, sent via a relay.
func messageLines(_ n: Int, sender: String = "a@x.test", time: String = "Dec  5 10:00:00") -> String {
  let qid = "Q" + String(format: "%05X", n)
  return """
    \(time) mail postfix/qmgr[1]: \(qid): from=<\(sender)>, size=1, nrcpt=1 (queue active)
    \(time) mail postfix/smtp[2]: \(qid): to=<r\(n)@y.test>, relay=smtp.relay.test[192.0.2.1]:587, dsn=2.0.0, status=sent (250 ok)
    \(time) mail postfix/qmgr[1]: \(qid): removed

    """
}

func readAll(_ paths: [String]) throws -> [ObservedMessage] {
  var joiner = MailLogJoiner()
  var messages: [ObservedMessage] = []
  for path in paths { try LogReader.read(path) { joiner.consume($0) { messages.append(ObservedMessage($0)) } } }
  joiner.finish { messages.append(ObservedMessage($0)) }
  return messages
}

@Suite("Reading mail logs: plain, gzip, rotations")
struct LogReaderTests {
  @Test("DMS's mounted log and its rotations, oldest first, .gz decompressed")
  func rotations() throws {
    let root = TempFolder()
    try FileManager.default.createDirectory(atPath: root.path + "/dms/mail-logs", withIntermediateDirectories: true)
    let logs = root.path + "/dms/mail-logs"
    let folder = TempFolder()
    _ = folder
    FileManager.default.createFile(atPath: logs + "/mail.log.2", contents: Data(messageLines(1).utf8))
    FileManager.default.createFile(atPath: logs + "/mail.log.1", contents: Data(messageLines(2).utf8))
    FileManager.default.createFile(atPath: logs + "/mail.log", contents: Data(messageLines(3).utf8))
    FileManager.default.createFile(atPath: logs + "/mail.log.10", contents: Data(messageLines(0).utf8))
    FileManager.default.createFile(atPath: logs + "/mail.log.bak", contents: Data("x".utf8))
    let gz = Process()
    gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gz.arguments = [logs + "/mail.log.2", logs + "/mail.log.10"]
    try gz.run()
    gz.waitUntilExit()
    #expect(MailLogFiles.folder(besideConfig: root.path + "/dms/config/") == root.path + "/dms/mail-logs")
    let found = MailLogFiles.rotations(in: logs)
    #expect(found.map { String($0.split(separator: "/").last!) } == ["mail.log.10.gz", "mail.log.2.gz", "mail.log.1", "mail.log"])
    #expect(try readAll(found).map(\.recipient) == ["r0@y.test", "r1@y.test", "r2@y.test", "r3@y.test"])
  }

  @Test("a gzip file is recognised by its bytes; a truncated one is a one-line error")
  func gzip() throws {
    let folder = TempFolder()
    folder.write("rotated", String(repeating: messageLines(7), count: 2000))
    try folder.gzip("rotated")
    let file = folder.path + "/rotated.gz"
    #expect(try readAll([file]).count == 2000)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    FileManager.default.createFile(atPath: file, contents: bytes.prefix(bytes.count / 2))
    #expect(throws: LogReadError.corruptGzip(path: file, reason: "unexpected end of file")) { try readAll([file]) }
  }

  @Test("an empty file, a missing file")
  func emptyAndMissing() throws {
    let folder = TempFolder()
    folder.write("empty", "")
    #expect(try readAll([folder.path + "/empty"]).isEmpty)
    #expect(throws: LogReadError.cannotOpen(path: folder.path + "/nope", reason: "No such file or directory")) {
      try readAll([folder.path + "/nope"])
    }
  }
}
