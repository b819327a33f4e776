import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gets the `add-auth` password without putting it in shell history when possible.
///
/// The password is written to the file exactly as given, so bytes that a `String` would
/// change are refused instead (issue 11 §5): invalid UTF-8 (it would become U+FFFD), a NUL
/// (it would end the password early for Postfix) and, on standard input, a second line.
enum EditPassword {
  static func obtain(argument: String?, fromStdin: Bool) throws -> String {
    if let argument {
      if fromStdin {
        throw CLIFailure("give the password either as an argument or with --password-stdin, not both", .usage)
      }
      if argument.unicodeScalars.contains("\u{FFFD}"), argvHasInvalidUTF8(decodingTo: argument) {
        throw CLIFailure("the password argument is not valid UTF-8; nothing was written", .dataError)
      }
      return argument
    }
    if fromStdin {
      return try decode(try readStandardInput(), origin: "standard input")
    }
    return try prompt()
  }

  /// The first line of standard input (a CRLF `\r` dropped); a second non-empty line is
  /// refused, since a password cannot hold a line break. At most `ReadLimit.password` bytes.
  static func readStandardInput() throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    var sawNewline = false
    let interactive = isatty(0) == 1
    while bytes.count <= ReadLimit.password {
      let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw CLIFailure("--password-stdin: cannot read standard input: \(String(cString: strerror(errno)))", .ioError)
      }
      if n == 0 { break }
      bytes += chunk[..<n]
      if interactive, chunk[..<n].contains(0x0A) { break }
    }
    if bytes.count > ReadLimit.password {
      throw CLIFailure("--password-stdin: standard input is longer than any password; nothing was written", .dataError)
    }
    if let newline = bytes.firstIndex(of: 0x0A) {
      sawNewline = true
      let rest = bytes[(newline + 1)...]
      if !rest.isEmpty {
        throw CLIFailure(
          "--password-stdin: standard input has more than one line; a password cannot contain a line break, so nothing was written",
          .dataError)
      }
      bytes.removeSubrange(newline...)
    }
    if bytes.isEmpty && !sawNewline { throw CLIFailure("--password-stdin: standard input is empty", .usage) }
    if bytes.last == 0x0D { bytes.removeLast() }
    return bytes
  }

  /// `bytes` as a `String`, refusing anything that would not come back byte for byte.
  static func decode(_ bytes: [UInt8], origin: String) throws -> String {
    if bytes.contains(0) {
      throw CLIFailure("the password on \(origin) contains a NUL byte, which Postfix cannot use; nothing was written", .dataError)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw CLIFailure(
        "the password on \(origin) is not valid UTF-8; nothing was written (it would not be stored byte for byte)",
        .dataError)
    }
    return text
  }

  /// Whether an argument that is not valid UTF-8 decodes (with U+FFFD) to `text`.
  static func argvHasInvalidUTF8(decodingTo text: String) -> Bool {
    for index in 0..<Int(CommandLine.argc) {
      guard let pointer = CommandLine.unsafeArgv[index] else { continue }
      let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
      if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == text { return true }
    }
    return false
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
    return try decode(bytes, origin: "the terminal")
  }
}
