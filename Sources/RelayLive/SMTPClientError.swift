/// What can go wrong below the SMTP dialogue.
public enum SMTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No reply (or TLS handshake) within the step's time.
  case timeout
  /// The server closed the connection.
  case closed
  /// A reply line longer than the client accepts (`maximumLength` bytes).
  case lineTooLong(maximumLength: Int)
  /// More reply lines than the client accepts in one reply.
  case tooManyLines(maximum: Int)
  /// A line that is not an SMTP reply line, shown shortened.
  case notSMTP(String)

  public var description: String {
    switch self {
    case .timeout: return "no reply in time"
    case .closed: return "connection closed by the server"
    case .lineTooLong(let maximum): return "a reply line longer than \(maximum) bytes"
    case .tooManyLines(let maximum): return "a reply of more than \(maximum) lines"
    case .notSMTP(let line): return "'\(line)' is not an SMTP reply"
    }
  }
}
