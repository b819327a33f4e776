import Foundation
import Testing
@testable import RelayLive
import RelayModel

/// What a follower thread saw, shared with the test's thread under a lock.
final class Seen: @unchecked Sendable {
  private let lock = NSLock()
  private var recipients: [String] = []
  var count: Int { lock.withLock { recipients.count } }
  var all: [String] { lock.withLock { recipients } }
  func add(_ r: String) { lock.withLock { recipients.append(r) } }
}

@Suite("Following a growing, rotating log")
struct LogFollowerTests {
  /// Appends to (or replaces) the log while a follower reads it; returns what it saw.
  func follow(_ steps: @escaping (String) -> Void, expecting count: Int) throws -> (seen: [String], unread: Int) {
    let folder = TempFolder()
    let path = folder.path + "/mail.log"
    folder.write("mail.log", messageLines(1))
    let seen = Seen()
    let unread = Seen()
    let deadline = Date().addingTimeInterval(10)
    let thread = Thread {
      var joiner = MailLogJoiner()
      try? LogFollower(path: path, interval: 0.02).follow(
        until: { seen.count >= count || Date() > deadline },
        onReplaced: { joiner.dropPartialLine() },
        { joiner.consume($0) { seen.add(ObservedMessage($0).recipient ?? "?") } })
      for _ in 0..<joiner.unreadLines { unread.add("") }
    }
    thread.start()
    steps(path)
    while !thread.isFinished, Date() < deadline.addingTimeInterval(1) { usleep(20_000) }
    return (seen.all, unread.count)
  }

  static func append(_ path: String, _ text: String) {
    let handle = FileHandle(forWritingAtPath: path)!
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    handle.closeFile()
    usleep(60_000)
  }

  @Test("lines appended later, a line written in two halves")
  func grows() throws {
    let (seen, _) = try follow(
      { path in
        Self.append(path, messageLines(2))
        let third = messageLines(3)
        let half = third.index(third.startIndex, offsetBy: 50)
        Self.append(path, String(third[..<half]))
        Self.append(path, String(third[half...]))
      }, expecting: 3)
    #expect(seen == ["r1@y.test", "r2@y.test", "r3@y.test"])
  }

  @Test("logrotate renames the file away: the old file's rest, then the new file; a cut line is dropped")
  func rotatesByRename() throws {
    let (seen, unread) = try follow(
      { path in
        Self.append(path, messageLines(2))
        Self.append(path, "Dec  5 10:00:00 mail postfix/qmgr[1]: QCUT01: from=<cut")
        try! FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        FileManager.default.createFile(atPath: path, contents: Data(messageLines(3).utf8))
        usleep(60_000)
        Self.append(path, messageLines(4))
      }, expecting: 4)
    #expect(seen == ["r1@y.test", "r2@y.test", "r3@y.test", "r4@y.test"])
    #expect(unread == 1)
  }

  @Test("copytruncate: the file shrinks, reading starts over")
  func truncated() throws {
    let (seen, _) = try follow(
      { path in
        Self.append(path, messageLines(2))
        usleep(100_000)
        FileManager.default.createFile(atPath: path, contents: Data())
        usleep(100_000)
        Self.append(path, messageLines(3))
      }, expecting: 3)
    #expect(seen == ["r1@y.test", "r2@y.test", "r3@y.test"])
  }
}
