import NIOCore
import NIOPosix
import NIOSSL
import RelayModel

#if canImport(Glibc)
  import Glibc
#endif

/// How a connect attempt failed, from NIO's errors.
enum ConnectError {
  case refused
  case timeout
  case other(String)

  init(_ error: Error) {
    if let error = error as? IOError, error.errnoCode == ECONNREFUSED {
      self = .refused
    } else if case ChannelError.connectTimeout = error {
      self = .timeout
    } else if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
      self.init(first.error)
    } else {
      self = .other(RelayCheck.describe(error))
    }
  }
}

extension RelayCheck {
  /// What an error during a step means for the explanation.
  static func failure(for error: Error, at step: CheckStepName) -> CheckFailure {
    switch error {
    case SMTPClientError.timeout: return .timeout(step: step)
    case SMTPClientError.closed: return .closed(step: step)
    case let error as SMTPClientError: return .badReply(step: step, detail: error.description)
    case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: return .handshake(detail: describe(error))
    case ChannelError.ioOnClosedChannel, ChannelError.eof, ChannelError.alreadyClosed:
      return .closed(step: step)
    default: return .closed(step: step)
    }
  }

  /// One line for a step's `reply` when the server gave none.
  static func describe(_ error: Error) -> String {
    switch error {
    case let error as SMTPClientError: return error.description
    case let error as IOError: return String(cString: strerror(error.errnoCode))
    case ChannelError.connectTimeout: return "no answer in time"
    case ChannelError.ioOnClosedChannel, ChannelError.eof, ChannelError.alreadyClosed:
      return "connection closed by the server"
    case let error as NIOSSLError: return "TLS: \(error)"
    default: return String(describing: error)
    }
  }
}
