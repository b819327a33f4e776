/// A place in a configuration file: which file and which 1-based line.
///
/// Used by diagnostics and errors so every message can say `postfix-relaymap.cf:7: …`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int?

  public init(file: String, line: Int? = nil) {
    self.file = file
    self.line = line
  }

  public var description: String {
    if let line { return "\(file):\(line)" }
    return file
  }
}
