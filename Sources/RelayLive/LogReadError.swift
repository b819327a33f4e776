/// Why a mail log could not be read; one line naming the file.
public enum LogReadError: Error, Equatable, CustomStringConvertible {
  case cannotOpen(path: String, reason: String)
  case cannotRead(path: String, reason: String)
  case corruptGzip(path: String, reason: String)
  case noDefaultLog(searched: String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): return "cannot open '\(path)': \(reason)"
    case .cannotRead(let path, let reason): return "cannot read '\(path)': \(reason)"
    case .corruptGzip(let path, let reason): return "'\(path)' is not a readable gzip file: \(reason)"
    case .noDefaultLog(let searched):
      return "no mail log at '\(searched)': give the log file, or '-' for standard input (e.g. docker logs mailserver 2>&1 | dms-relay log -)"
    }
  }
}
