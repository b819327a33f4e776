import Foundation
import RelayModel

/// Runs commands inside the mailserver container — `docker exec NAME …`, another
/// runtime's prefix (`--exec "podman exec mailserver"`), or nothing at all (the tests read a
/// local Postfix configuration directory) — always as an argument list, never through a shell.
public struct ContainerExec: Sendable {
  /// Words put before each command; empty runs the command here.
  public var prefix: [String]
  /// Where the container's Postfix keeps its configuration.
  public var postfixDirectory: String
  /// How long one command may take before it is stopped.
  public var timeout: TimeInterval

  public init(prefix: [String], postfixDirectory: String = "/etc/postfix", timeout: TimeInterval = 30) {
    self.prefix = prefix
    self.postfixDirectory = postfixDirectory
    self.timeout = timeout
  }

  /// `docker exec NAME`.
  public static func docker(container: String) -> ContainerExec {
    ContainerExec(prefix: ["docker", "exec", container])
  }

  /// `--exec "CMD …"`, split at spaces (no shell, no quoting).
  public static func command(_ text: String) -> ContainerExec {
    ContainerExec(prefix: text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
  }

  public enum Failure: Error, Equatable, CustomStringConvertible {
    case cannotRun(command: String, reason: String)
    case failed(command: String, status: Int32, said: String)
    case timedOut(command: String, seconds: Int)

    public var description: String {
      switch self {
      case .cannotRun(let command, let reason): return "cannot run '\(command)': \(reason)"
      case .failed(let command, let status, let said):
        return "'\(command)' exited \(status)\(said.isEmpty ? "" : ": \(said)")"
      case .timedOut(let command, let seconds): return "'\(command)' did not finish within \(seconds) s"
      }
    }
  }

  /// Runs `command` (after the prefix); returns its exit status and standard output.
  public func run(_ command: [String]) throws -> (status: Int32, output: [UInt8], errors: String) {
    let argv = prefix + command
    let shown = argv.joined(separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = argv
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw Failure.cannotRun(command: shown, reason: error.localizedDescription)
    }
    let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
    let errors = ErrorText()
    let reader = Thread { errors.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    timer.cancel()
    while !reader.isFinished { usleep(1000) }
    if process.terminationReason == .uncaughtSignal { throw Failure.timedOut(command: shown, seconds: Int(timeout)) }
    if process.terminationStatus == 127 {
      throw Failure.cannotRun(command: shown, reason: errors.text.isEmpty ? "not found" : errors.text)
    }
    return (process.terminationStatus, [UInt8](data), errors.text)
  }

  /// The live relay tables, `postconf -n` and `DMS_RELEASE`.
  public func snapshot() throws -> ContainerSnapshot {
    func file(_ name: String) throws -> [UInt8]? {
      let result = try run(["cat", postfixDirectory + "/" + name])
      return result.status == 0 ? result.output : nil
    }
    let postconf = try run(["postconf", "-c", postfixDirectory, "-n"])
    guard postconf.status == 0 else {
      throw Failure.failed(
        command: (prefix + ["postconf", "-c", postfixDirectory, "-n"]).joined(separator: " "), status: postconf.status,
        said: String(postconf.errors.split(separator: "\n").first ?? ""))
    }
    let release = try run(["printenv", "DMS_RELEASE"])
    let version = String(decoding: release.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return ContainerSnapshot(
      relayhostMap: try file("relayhost_map"), saslPasswd: try file("sasl_passwd"), postconf: postconf.output,
      version: release.status == 0 && !version.isEmpty ? version : nil)
  }
}

/// Standard error of a child, collected on another thread.
private final class ErrorText: @unchecked Sendable {
  private let lock = NSLock()
  private var value = ""
  var text: String { lock.withLock { value } }
  func set(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    lock.withLock { value = text }
  }
}
