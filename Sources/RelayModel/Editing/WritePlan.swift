/// The files an edit will write, each with the bytes it had when read and its new bytes.
///
/// A plan is a value: the TUI shows its diff, a test compares it, and `FileStore.write(_:)`
/// performs it, refusing when a file's bytes on disk no longer equal `originalBytes`.
public struct WritePlan: Hashable, Sendable {
  /// What kind of file, which decides its mode and how its diff is redacted.
  public enum FileKind: Hashable, Sendable {
    case relayMap
    case saslPasswords
    case envFile
    case other

    /// Mode forced on every write (`postfix-sasl-password.cf` holds passwords).
    public var forcedMode: UInt32? { self == .saslPasswords ? 0o600 : nil }

    /// Mode of a newly created file.
    public var creationMode: UInt32 { forcedMode ?? 0o644 }

    public var redaction: Redaction {
      switch self {
      case .saslPasswords: return .saslPasswords
      case .envFile: return .envFile
      case .relayMap, .other: return .none
      }
    }
  }

  public struct File: Hashable, Sendable {
    public var path: String
    public var kind: FileKind
    /// The bytes as read (empty when the file did not exist).
    public var originalBytes: [UInt8]
    public var newBytes: [UInt8]
    /// Whether the file existed when read; a file that appears since is a conflict.
    public var existed: Bool
    /// Mode for a newly created file, when it should differ from `kind.creationMode`
    /// (a new env file that receives a password is created 0600).
    public var creationModeOverride: UInt32?

    public init(
      path: String, kind: FileKind, originalBytes: [UInt8], newBytes: [UInt8], existed: Bool,
      creationModeOverride: UInt32? = nil
    ) {
      self.path = path
      self.kind = kind
      self.originalBytes = originalBytes
      self.newBytes = newBytes
      self.existed = existed
      self.creationModeOverride = creationModeOverride
    }

    /// The file's name without its folder (`postfix-relaymap.cf`).
    public var name: String {
      path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    public var creationMode: UInt32 { kind.forcedMode ?? creationModeOverride ?? kind.creationMode }

    public var isChange: Bool { !existed || originalBytes != newBytes }

    /// A unified diff, secrets redacted unless `showSecrets`.
    public func diff(showSecrets: Bool = false) -> String {
      UnifiedDiff.render(
        old: originalBytes, new: newBytes, name: name, oldExists: existed,
        redaction: showSecrets ? .none : kind.redaction)
    }
  }

  public var files: [File]
  /// Notes from the edits (see `EditResult.notes`).
  public var notes: [String]

  public init(files: [File] = [], notes: [String] = []) {
    self.files = files
    self.notes = notes
  }

  /// True when nothing would change on disk.
  public var isEmpty: Bool { !files.contains(where: \.isChange) }

  /// The diffs of every changed file, one after the other.
  public func diff(showSecrets: Bool = false) -> String {
    files.filter(\.isChange).map { $0.diff(showSecrets: showSecrets) }.joined()
  }
}
