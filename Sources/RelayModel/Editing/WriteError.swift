/// Why a `WritePlan` could not be written (or an input could not be read). Nothing was
/// changed when one is thrown.
public enum WriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file's bytes on disk differ from those read (or it appeared/vanished since).
  case fileChangedOnDisk(String)
  case permissionDenied(path: String)
  case cannotCreate(path: String, reason: String)
  case io(path: String, reason: String)
  /// A FIFO, device, socket or folder where a file was expected: reading a FIFO blocks
  /// forever and `/dev/zero` never ends, so neither is opened for reading.
  case notARegularFile(path: String, kind: String)
  /// More bytes than any real file of this kind holds (see `ReadLimit`).
  case tooLarge(path: String, limit: Int)
  /// A symbolic link whose target does not exist: writing would create a file the link
  /// may not be meant to name.
  case danglingSymlink(path: String, target: String)
  /// Another dms-relay (CLI or TUI) kept the folder's write lock longer than we wait.
  case locked(folder: String, seconds: Int)

  public var description: String {
    switch self {
    case .fileChangedOnDisk(let path):
      return "'\(path)' changed on disk since it was read; nothing was written. Reload and try again"
    case .permissionDenied(let path):
      return "permission denied writing '\(path)'; nothing was written"
    case .cannotCreate(let path, let reason):
      return "cannot create '\(path)': \(reason); nothing was written"
    case .io(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    case .notARegularFile(let path, let kind):
      return "'\(path)' is not a regular file (it is \(kind)); refusing to read it"
    case .tooLarge(let path, let limit):
      return "'\(path)' is larger than \(ReadLimit.describe(limit)), more than such a file can sensibly hold; refusing to read it"
    case .danglingSymlink(let path, let target):
      return "'\(path)' is a symbolic link to '\(target)', which does not exist; nothing was written"
    case .locked(let folder, let seconds):
      return "another dms-relay is writing in '\(folder)' (waited \(seconds) s for its lock '\(folder)/\(FileStore.lockFileName)'); nothing was written. Try again"
    }
  }
}

/// The most bytes read from an input, by kind: generous for real files (a 100,000-domain
/// `postfix-accounts.cf` is about 6 MB), small enough that `/dev/zero`-like input or a
/// pasted core dump is refused in a moment instead of exhausting memory.
public enum ReadLimit {
  /// `postfix-*.cf` files of the config folder.
  public static let configFile = 64 << 20
  /// Env files (`mailserver.env`, `env_file:` entries, `--env-file`).
  public static let envFile = 4 << 20
  /// The compose file.
  public static let composeFile = 4 << 20
  /// A password on standard input.
  public static let password = 64 << 10

  static func describe(_ limit: Int) -> String {
    limit >= 1 << 20 ? "\(limit >> 20) MB" : limit >= 1 << 10 ? "\(limit >> 10) KB" : "\(limit) bytes"
  }
}
