import ArgumentParser
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `sysexits.h` codes, so scripts can tell a typo from a conflict.
enum SysExit: Int32 {
  case usage = 64
  case dataError = 65
  case noInput = 66
  case unavailable = 69
  case cannotCreate = 73
  case ioError = 74
  case temporaryFailure = 75
  case noPermission = 77
  case configuration = 78
}

/// An error as the CLI reports it: one line and an exit code.
struct CLIFailure: Error, Equatable {
  var message: String
  var code: SysExit

  init(_ message: String, _ code: SysExit) {
    self.message = message
    self.code = code
  }

  /// The message and code for any error the model throws. Messages never contain a
  /// password (the model's errors are built that way).
  init(_ error: any Error) {
    switch error {
    case let failure as CLIFailure:
      self = failure
    case let error as EditError:
      switch error {
      case .invalid: self.init(error.description, .usage)
      case .keySpelledDifferently, .nothingToRemove: self.init(error.description, .dataError)
      case .envInlineInCompose, .envOverriddenByCompose, .noEnvFile, .noEnvFileInCompose, .notAnEnvFile:
        self.init(error.description, .configuration)
      case .noConfigDirectory: self.init(error.description, .noInput)
      }
    case let error as ConfigurationLoadError:
      switch error {
      case .missingConfigDirectory, .notADirectory, .missingFile, .missingEnvFile, .unreadable, .nothingFound:
        self.init(error.description, .noInput)
      case .permissionDenied: self.init(error.description, .noPermission)
      case .notARegularFile, .tooLarge: self.init(error.description, .dataError)
      case .compose(.noMailserverService): self.init(error.description, .configuration)
      case .compose: self.init(error.description, .dataError)
      case .version: self.init(error.description, .usage)
      }
    case let error as VersionUnavailable:
      self.init(error.description, .configuration)
    case let error as DMSVersion.ParseError:
      self.init(error.description, .usage)
    case let error as WriteError:
      switch error {
      case .fileChangedOnDisk: self.init(error.description, .temporaryFailure)
      case .permissionDenied: self.init(error.description, .noPermission)
      case .cannotCreate: self.init(error.description, .cannotCreate)
      case .io: self.init(error.description, .ioError)
      case .notARegularFile, .tooLarge, .danglingSymlink: self.init(error.description, .dataError)
      case .locked: self.init(error.description, .temporaryFailure)
      }
    default:
      self.init(String(describing: error), .ioError)
    }
  }
}

/// Runs a command body, turning any model error into `dms-relay: error: …` on stderr and
/// its sysexits code (never a stack trace).
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    let failure = CLIFailure(error)
    printError("dms-relay: error: \(failure.message)")
    throw ExitCode(failure.code.rawValue)
  }
}

/// Writes a message line to stderr, control characters escaped (`ControlEscaping`) so
/// echoed input can neither add a line nor move the cursor.
func printError(_ line: String) {
  writeAll(2, ControlEscaping.line(line) + "\n")
}

/// Writes a message line to stdout, control characters escaped like `printError`.
func printLine(_ line: String) {
  print(ControlEscaping.line(line))
}

func writeAll(_ fd: Int32, _ text: String) {
  let bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { break }
    offset += n
  }
}
