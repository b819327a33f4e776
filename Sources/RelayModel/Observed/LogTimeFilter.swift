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
