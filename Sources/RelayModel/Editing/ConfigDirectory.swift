import Foundation

/// Reads a DMS config folder (`docker-data/dms/config`) into a `Configuration`.
///
/// This is the model's only reader of the file system; it keeps every file's exact bytes so
/// edits can be written back losslessly.
public struct ConfigDirectory: Sendable {
  public var path: String

  public init(path: String) { self.path = path }

  public enum LoadError: Error, Equatable, CustomStringConvertible {
    case missingDirectory(String)
    case notADirectory(String)
    case unreadable(path: String, reason: String)

    public var description: String {
      switch self {
      case .missingDirectory(let p): return "config folder '\(p)' does not exist"
      case .notADirectory(let p): return "'\(p)' is not a folder"
      case .unreadable(let p, let reason): return "cannot read '\(p)': \(reason)"
      }
    }
  }

  public func filePath(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// The bytes of `name`, or nil when it does not exist.
  public func read(_ name: String) throws(LoadError) -> [UInt8]? {
    try Self.readFile(filePath(name))
  }

  public static func readFile(_ path: String) throws(LoadError) -> [UInt8]? {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return nil }
    if isDir.boolValue { throw .unreadable(path: path, reason: "it is a folder") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied")
    }
    return [UInt8](data)
  }

  /// Loads the four relay-relevant files; `environment` comes from the caller.
  public func load(environment: RelayEnvironment) throws(LoadError) -> Configuration {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw .missingDirectory(path)
    }
    guard isDir.boolValue else { throw .notADirectory(path) }
    return Configuration(
      relayMap: try read(RelayMapFile.fileName).map(RelayMapFile.init(bytes:)),
      saslPasswords: try read(SaslPasswordFile.fileName).map(SaslPasswordFile.init(bytes:)),
      accounts: try read(AccountsFile.fileName).map(AccountsFile.init(bytes:)),
      virtual: try read(VirtualFile.fileName).map(VirtualFile.init(bytes:)),
      environment: environment)
  }
}
