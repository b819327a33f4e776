/// A DMS version as the admin names it (`13.3.1`, `v14`, `edge`, an image tag …).
public struct DMSVersion: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The text as given, e.g. `13.3.1` or `edge`.
  public var name: String
  public var family: VersionFamily
  /// Set when the version is newer than any this tool knows (treated as v14+).
  public var isUnknownFuture: Bool

  public var description: String { name }

  public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooOld(String)
    case unrecognised(String)
    case digest(String)

    public var description: String {
      switch self {
      case .tooOld(let v):
        return "DMS version '\(v)' is older than 11.0.0, which this tool does not model; upgrade DMS or pass --dms-version with 11 or newer"
      case .unrecognised(let v):
        return "'\(v)' is not a DMS version (expected e.g. 13.3.1, 14, 15.1, edge or latest)"
      case .digest(let v):
        return "the image is pinned by digest ('\(v)'), which does not say its version; pass --dms-version"
      }
    }
  }

  public init(name: String, family: VersionFamily, isUnknownFuture: Bool = false) {
    self.name = name
    self.family = family
    self.isUnknownFuture = isUnknownFuture
  }

  /// The newest release whose behaviour this tool models, which `latest` names (15.1.0).
  public static let newestKnownMajor = 15

  /// Parses a version or image tag: `13.3.1`, `v13.3.1`, `13`, `15.1`, `edge`, `latest`,
  /// and tags with suffixes such as `14.0.0-rc1`.
  public static func parse(_ raw: String) throws(ParseError) -> DMSVersion {
    let text = raw.trimmingWhitespace()
    let lower = text.lowercased()
    if lower.hasPrefix("sha256:") || lower.contains("@sha256:") { throw .digest(text) }
    if lower == "edge" { return DMSVersion(name: lower, family: .edge) }
    if lower == "latest" || lower == "stable" { return DMSVersion(name: lower, family: .v14plus) }
    var digits = Substring(lower)
    if digits.hasPrefix("v") { digits = digits.dropFirst() }
    let numeric = digits.prefix { $0.isNumber || $0 == "." }
    guard let majorText = numeric.split(separator: ".").first, let major = Int(majorText),
      numeric.first?.isNumber == true
    else { throw .unrecognised(text) }
    let rest = digits.dropFirst(numeric.count)
    guard rest.isEmpty || rest.first == "-" else { throw .unrecognised(text) }
    switch major {
    case ..<11: throw .tooOld(text)
    case 11: return DMSVersion(name: String(digits), family: .v11)
    case 12, 13: return DMSVersion(name: String(digits), family: .v12to13)
    case 14...newestKnownMajor: return DMSVersion(name: String(digits), family: .v14plus)
    default: return DMSVersion(name: String(digits), family: .v14plus, isUnknownFuture: true)
    }
  }

  /// A representative release for each family, used when comparing families.
  public static func representative(of family: VersionFamily) -> DMSVersion {
    switch family {
    case .v11: return DMSVersion(name: "11.3.1", family: .v11)
    case .v12to13: return DMSVersion(name: "13.3.1", family: .v12to13)
    case .v14plus: return DMSVersion(name: "15.1.0", family: .v14plus)
    case .edge: return DMSVersion(name: "edge", family: .edge)
    }
  }
}
