/// When a log line was written, as the line's own prefix says: syslog's `Dec  5 10:02:11`
/// (no year) or ISO 8601's `2026-12-05T10:02:11.123+00:00` (docker's `--timestamps` too).
///
/// Packed into one integer so a million comparisons (`--since`, first/last per route) cost
/// nothing: year, month, day, hour, minute, second from the most significant bits down.
/// A syslog time has year 0; comparing it with a dated time compares month onwards only.
public struct LogTime: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int
  public var hour: Int
  public var minute: Int
  public var second: Int

  public init(year: Int = 0, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
    (self.year, self.month, self.day) = (year, month, day)
    (self.hour, self.minute, self.second) = (hour, minute, second)
  }

  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// Month onwards, for comparing a syslog time (no year) with any other.
  var withinYear: Int { ((((month * 32 + day) * 24 + hour) * 60 + minute) * 60) + second }

  public static func < (lhs: LogTime, rhs: LogTime) -> Bool {
    if lhs.year != 0, rhs.year != 0, lhs.year != rhs.year { return lhs.year < rhs.year }
    return lhs.withinYear < rhs.withinYear
  }

  /// `HH:MM`, as the explanations say "since 10:02".
  public var clock: String { Self.two(hour) + ":" + Self.two(minute) }

  /// ISO 8601 without a zone when the year is known (`2026-12-05T10:02:11`), else syslog's
  /// `Dec 05 10:02:11`.
  public var description: String {
    let time = Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second)
    if year == 0 {
      let name = (1...12).contains(month) ? Self.monthNames[month - 1] : "???"
      return name + " " + Self.two(day) + " " + time
    }
    return String(year) + "-" + Self.two(month) + "-" + Self.two(day) + "T" + time
  }

  private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

  /// The time at the start of `bytes`, and where it ends; nil when none of the two forms is there.
  static func parse(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (LogTime, end: Int)? {
    let n = bytes.count
    func digit(_ i: Int) -> Int? {
      guard i < n else { return nil }
      let d = Int(bytes[i]) - 48
      return (0...9).contains(d) ? d : nil
    }
    func number(_ i: Int, _ count: Int) -> Int? {
      var value = 0
      for k in 0..<count {
        guard let d = digit(i + k) else { return nil }
        value = value * 10 + d
      }
      return value
    }
    func clock(_ i: Int) -> (Int, Int, Int)? {
      guard let h = number(i, 2), i + 2 < n, bytes[i + 2] == 58, let m = number(i + 3, 2),
        i + 5 < n, bytes[i + 5] == 58, let s = number(i + 6, 2)
      else { return nil }
      return (h, m, s)
    }
    // ISO: YYYY-MM-DD[T ]HH:MM:SS[.frac][zone]
    if let year = number(start, 4), start + 4 < n, bytes[start + 4] == 45 {
      guard let month = number(start + 5, 2), start + 7 < n, bytes[start + 7] == 45,
        let day = number(start + 8, 2), start + 10 < n, bytes[start + 10] == 84 || bytes[start + 10] == 32,
        let (h, m, s) = clock(start + 11)
      else { return nil }
      var end = start + 19
      while end < n, bytes[end] != 32 { end += 1 }  // fraction and zone
      return (LogTime(year: year, month: month, day: day, hour: h, minute: m, second: s), end)
    }
    // Syslog: Mon DD HH:MM:SS (day space-padded or zero-padded)
    guard start + 15 <= n, bytes[start + 3] == 32 else { return nil }
    let name = (UInt32(bytes[start]) << 16) | (UInt32(bytes[start + 1]) << 8) | UInt32(bytes[start + 2])
    guard let month = monthCodes.firstIndex(of: name) else { return nil }
    var i = start + 4
    if bytes[i] == 32 { i += 1 }
    guard let d1 = digit(i) else { return nil }
    var day = d1
    i += 1
    if let d2 = digit(i) {
      day = day * 10 + d2
      i += 1
    }
    guard i < n, bytes[i] == 32, let (h, m, s) = clock(i + 1) else { return nil }
    return (LogTime(month: month + 1, day: day, hour: h, minute: m, second: s), i + 9)
  }

  private static let monthCodes: [UInt32] = monthNames.map { name in
    name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
  }

  /// `--since`: `HH:MM[:SS]` (today, in the log's terms: any day), `Mon DD HH:MM[:SS]`,
  /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or `YYYY-MM-DDTHH:MM[:SS]`.
  public static func parseArgument(_ text: String) -> LogTimeFilter? {
    var bytes = Array(text.utf8)
    if bytes.count == 5 || bytes.count == 8, bytes[2] == 58 {  // HH:MM[:SS]
      if bytes.count == 5 { bytes += Array(":00".utf8) }
      guard let (t, _) = bytes.withUnsafeBytes({ parseClockOnly($0) }) else {
        return nil
      }
      return .clock(hour: t.hour, minute: t.minute, second: t.second)
    }
    if bytes.count == 10 { bytes += Array("T00:00:00".utf8) }
    if bytes.count == 16 || bytes.count == 12 || bytes.count == 11 { bytes += Array(":00".utf8) }
    return bytes.withUnsafeBytes { raw in
      guard let (t, end) = parse(raw, from: 0), end == raw.count else { return nil }
      return .time(t)
    }
  }

  private static func parseClockOnly(_ raw: UnsafeRawBufferPointer) -> (LogTime, end: Int)? {
    let text = Array("Jan 01 ".utf8) + Array(raw)
    return text.withUnsafeBytes { parse($0, from: 0) }
  }
}

/// The `--since` bound: a full time, or a time of day (any day: a log read with
/// `--since 10:00` shows what happened after ten o'clock each day).
public enum LogTimeFilter: Hashable, Sendable {
  case time(LogTime)
  case clock(hour: Int, minute: Int, second: Int)

  public func admits(_ time: LogTime) -> Bool {
    switch self {
    case .time(let bound): return !(time < bound)
    case .clock(let h, let m, let s): return (time.hour * 60 + time.minute) * 60 + time.second >= (h * 60 + m) * 60 + s
    }
  }
}
