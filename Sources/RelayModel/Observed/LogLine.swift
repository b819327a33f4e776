#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Postfix daemons whose lines the join reads; every other program is skipped after
/// its name is read.
enum PostfixDaemon: UInt8, Sendable {
  case qmgr, smtp, lmtp, error, virtual, local, bounce, master, rewrite, discard, pipe, other

  /// The last component of `postfix/NAME` or `postfix/submission/NAME`. `relay` and
  /// `retry` are DMS's and Postfix's other names for the smtp and error transports.
  init(_ name: UnsafeRawBufferPointer) {
    func equals(_ text: StaticString) -> Bool {
      name.count == text.utf8CodeUnitCount && memcmp(name.baseAddress!, text.utf8Start, name.count) == 0
    }
    switch name.count {
    case 4:
      self = equals("qmgr") ? .qmgr : equals("smtp") ? .smtp : equals("lmtp") ? .lmtp : equals("pipe") ? .pipe : .other
    case 5:
      self = equals("error") ? .error : equals("local") ? .local : equals("relay") ? .smtp : equals("retry") ? .error : .other
    case 6:
      self = equals("bounce") ? .bounce : equals("master") ? .master : .other
    case 7:
      self = equals("virtual") ? .virtual : equals("discard") ? .discard : .other
    case 15:
      self = equals("trivial-rewrite") ? .rewrite : .other
    default:
      self = .other
    }
  }

  /// Delivers mail to a mailbox on this server (not an outbound route).
  var isLocalDelivery: Bool { self == .lmtp || self == .local || self == .virtual || self == .pipe }
  var isDelivery: Bool { self == .smtp || self == .error || self == .discard || isLocalDelivery }
}

/// One mail log line, split where the join needs it, as offsets into the line's bytes.
///
/// Accepted prefixes before the program: syslog `Dec  5 10:02:11 host`, ISO 8601
/// `2026-12-05T10:02:11.5+00:00 host`, docker's `--timestamps` (an ISO time before either)
/// and compose's `mailserver  | `. Only `postfix…/NAME[pid]: ` lines are read further.
struct LogLine {
  var time: LogTime?
  var daemon: PostfixDaemon
  var pid: Int
  /// The queue ID (`3C4A2F7E0BF` or a long ID) when the text starts with `ID: `.
  var queueID: Range<Int>?
  /// What the daemon said, after `]: ` and the queue ID.
  var text: Range<Int>

  /// The line's Postfix parts, or nil for another program's line.
  static func parse(_ line: UnsafeRawBufferPointer) -> LogLine? {
    guard let base = line.baseAddress, line.count > 10 else { return nil }
    let n = line.count
    var from = 0
    var program = -1
    // The first "postfix" that starts a word and is followed by a path and `[pid]: `.
    while from < n {
      let needle: StaticString = "postfix"
      guard let found = ByteSearch.find(base + from, n - from, needle.utf8Start, 7) else { return nil }
      let at = from + found
      if at > 0, line[at - 1] == 32 {
        program = at
        break
      }
      from = at + 7
    }
    guard program >= 0 else { return nil }
    var open = program + 7
    var nameStart = open
    while open < n, line[open] != UInt8(ascii: "[") {
      let b = line[open]
      if b == 32 || b == 58 { return nil }
      if b == UInt8(ascii: "/") { nameStart = open + 1 }
      open += 1
    }
    guard open < n, nameStart < open else { return nil }
    var pid = 0
    var i = open + 1
    while i < n, line[i] >= 48, line[i] <= 57 {
      pid = pid &* 10 &+ Int(line[i] - 48)
      i += 1
    }
    guard i + 2 < n, line[i] == UInt8(ascii: "]"), line[i + 1] == 58, line[i + 2] == 32 else { return nil }
    let daemon = PostfixDaemon(UnsafeRawBufferPointer(rebasing: line[nameStart..<open]))
    var result = LogLine(time: nil, daemon: daemon, pid: pid, queueID: nil, text: (i + 3)..<n)
    guard daemon != .other else { return result }
    result.time = time(line, before: program)
    // A queue ID: 5 or more letters and digits, then ": ". Short IDs are uppercase hex,
    // long ones leave out lowercase vowels, so `warning: ` and `fatal: ` are not IDs.
    var q = i + 3
    while q < n, Self.isQueueIDByte(line[q]) { q += 1 }
    if q - (i + 3) >= 5, q + 1 < n, line[q] == 58, line[q + 1] == 32 {
      result.queueID = (i + 3)..<q
      result.text = (q + 2)..<n
    }
    return result
  }

  /// The time at the start of the line, after a compose `name | ` prefix (docker's own
  /// `--timestamps` ISO time wins over the syslog time after it: it has the year).
  private static func time(_ line: UnsafeRawBufferPointer, before program: Int) -> LogTime? {
    let head = UnsafeRawBufferPointer(rebasing: line[0..<program])
    if let (time, _) = LogTime.parse(head, from: 0) { return time }
    guard let bar = ByteSearch.index(of: UInt8(ascii: "|"), in: head) else { return nil }
    var start = bar + 1
    while start < program, head[start] == 32 { start += 1 }
    return LogTime.parse(head, from: start)?.0
  }

}

extension LogLine {
  static func isQueueIDByte(_ b: UInt8) -> Bool {
    if (b >= 48 && b <= 57) || (b >= 65 && b <= 90) { return true }
    guard b >= 97, b <= 122 else { return false }
    return b != 97 && b != 101 && b != 105 && b != 111 && b != 117
  }
}
