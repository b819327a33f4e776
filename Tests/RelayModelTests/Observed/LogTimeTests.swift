import Testing
@testable import RelayModel

@Suite("Log line times and --since")
struct LogTimeTests {
  @Test(
    "syslog, zero-padded syslog and ISO times",
    arguments: [
      ("Dec  5 10:02:11 mail", "Dec 05 10:02:11"), ("Dec 05 10:02:11 mail", "Dec 05 10:02:11"),
      ("2026-12-05T10:02:11.123456+01:00 mail", "2026-12-05T10:02:11"), ("2026-12-05 10:02:11 mail", "2026-12-05T10:02:11"),
    ])
  func parses(text: String, expected: String) {
    let time = Array(text.utf8).withUnsafeBytes { LogTime.parse($0, from: 0)?.0 }
    #expect(time?.description == expected)
  }

  @Test("not a time", arguments: ["Foo  5 10:02:11 x", "Dec  5 1:02:11 x", "2026-12-05X10:02:11", "", "Dec"])
  func rejects(text: String) {
    #expect(Array(text.utf8).withUnsafeBytes { LogTime.parse($0, from: 0) } == nil)
  }

  @Test("--since forms")
  func since() {
    #expect(LogTime.parseArgument("10:02") == .clock(hour: 10, minute: 2, second: 0))
    #expect(LogTime.parseArgument("2026-12-05") == .time(LogTime(year: 2026, month: 12, day: 5, hour: 0, minute: 0, second: 0)))
    #expect(LogTime.parseArgument("Dec 05 10:02") == .time(LogTime(month: 12, day: 5, hour: 10, minute: 2, second: 0)))
    #expect(LogTime.parseArgument("yesterday") == nil)
    let log = HostileLogTests.good.replacingOccurrences(of: "10:00:01", with: "11:00:01")
    #expect(join(log, since: LogTime.parseArgument("10:30")).messages.count == 1)
    #expect(join(log, since: LogTime.parseArgument("11:30")).messages.isEmpty)
    #expect(join(log, since: LogTime.parseArgument("Dec 06 00:00")).messages.isEmpty)
  }
}
