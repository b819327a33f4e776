import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gets the `add-auth` password without putting it in shell history when possible.
enum EditPassword {
  static func obtain(argument: String?, fromStdin: Bool) throws -> String {
    if let argument {
      if fromStdin {
        throw CLIFailure("give the password either as an argument or with --password-stdin, not both", .usage)
      }
      return argument
    }
    if fromStdin {
      guard var line = readLine(strippingNewline: true) else {
        throw CLIFailure("--password-stdin: standard input is empty", .usage)
      }
      if line.hasSuffix("\r") { line.removeLast() }
      return line
    }
    return try prompt()
  }

  /// Asks twice on the terminal with echo off (termios), like `setup relay add-auth`.
  static func prompt() throws -> String {
    let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard fd >= 0 else {
      throw CLIFailure(
        "no password given and no terminal to ask on; pass it as an argument or with --password-stdin", .usage)
    }
    defer { close(fd) }
    let first = try ask("Password: ", fd: fd)
    let second = try ask("Repeat password: ", fd: fd)
    guard first == second else { throw CLIFailure("the passwords do not match; nothing was written", .usage) }
    return first
  }

  static func ask(_ prompt: String, fd: Int32) throws -> String {
    _ = prompt.withCString { write(fd, $0, strlen($0)) }
    var saved = termios()
    let hasTermios = tcgetattr(fd, &saved) == 0
    if hasTermios {
      var silent = saved
      silent.c_lflag &= ~tcflag_t(ECHO)
      silent.c_lflag |= tcflag_t(ECHONL)
      tcsetattr(fd, TCSAFLUSH, &silent)
    }
    defer { if hasTermios { tcsetattr(fd, TCSAFLUSH, &saved) } }
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1, byte != 0x0A { bytes.append(byte) }
    if bytes.last == 0x0D { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
