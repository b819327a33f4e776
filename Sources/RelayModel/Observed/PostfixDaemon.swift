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
