/// One `VAR__FILE` variable of the container environment and what the loader found at the
/// host file behind its container path (spec §10).
///
/// DMS 15.1+ reads the file at start into `VAR` when `VAR` is not set at all; the value is
/// the file's content without its trailing newlines. The path is a container path, so the
/// loader maps it through the compose file's volumes and `secrets:` to a host file first.
public struct FileSecret: Hashable, Sendable {
  /// What the host side of the container path holds.
  public enum Content: Hashable, Sendable {
    /// The file's value, trailing newlines removed, as DMS's `$(< file)` gives it.
    case read(hostPath: String, value: String)
    /// No host file is known for the container path; `reason` says why, in a clause.
    case unmapped(reason: String)
    /// The host file does not exist (or is not a regular file): DMS warns and skips it.
    case missing(hostPath: String)
    /// The host file exists but this tool cannot read it (DMS, as root, can).
    case unreadable(hostPath: String, reason: String)
  }

  /// The variable as DMS finds it, e.g. `RELAY_PASSWORD__FILE`.
  public var variable: String
  /// The variable it fills, e.g. `RELAY_PASSWORD`.
  public var target: String
  /// The variable's value: a path inside the container.
  public var containerPath: String
  public var content: Content

  public init(variable: String, target: String, containerPath: String, content: Content) {
    self.variable = variable
    self.target = target
    self.containerPath = containerPath
    self.content = content
  }

  /// The value read, when there is one.
  public var value: String? {
    if case .read(_, let value) = content { return value }
    return nil
  }

  /// The host file, when the container path maps to one.
  public var hostPath: String? {
    switch content {
    case .read(let path, _), .missing(let path), .unreadable(let path, _): return path
    case .unmapped: return nil
    }
  }

  /// The origin a value read from this file gets, e.g.
  /// `RELAY_PASSWORD__FILE → ./secrets/relay_password`.
  public var origin: EnvironmentOrigin {
    .fromFile(variable: variable, path: hostPath ?? containerPath)
  }

  /// The variables DMS's `env | grep -Po '^.+?__FILE'` finds, by name: each up to and
  /// including its first `__FILE`, the target being that name without it. A key such as
  /// `A__FILE_B` yields `A__FILE`, which DMS then reads (usually unset, so it warns).
  public static func variableNames(in keys: some Sequence<String>) -> [(variable: String, target: String)] {
    var seen: Set<String> = []
    var result: [(String, String)] = []
    for key in keys.sorted() {
      guard let range = key.range(of: "__FILE"), range.lowerBound != key.startIndex else { continue }
      let name = String(key[..<range.upperBound])
      guard seen.insert(name).inserted else { continue }
      result.append((name, String(key[..<range.lowerBound])))
    }
    return result
  }
}
