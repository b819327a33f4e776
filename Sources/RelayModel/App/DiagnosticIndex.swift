/// Diagnostics by the file line they point at, so a row can find its own in constant time
/// (100,000 domains would make a linear search per row quadratic).
public struct DiagnosticIndex: Sendable {
  private var byLocation: [SourceLocation: [Diagnostic]] = [:]

  public init(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
      guard let location = diagnostic.location, location.line != nil else { continue }
      byLocation[Self.key(location), default: []].append(diagnostic)
    }
  }

  /// Diagnostics at `location` (file compared by name, so `./x/postfix-relaymap.cf` and
  /// `postfix-relaymap.cf` are the same file).
  public subscript(_ location: SourceLocation) -> [Diagnostic] {
    byLocation[Self.key(location)] ?? []
  }

  public subscript(_ origin: LineOrigin?) -> [Diagnostic] {
    guard let location = origin?.location else { return [] }
    return self[location]
  }

  static func key(_ location: SourceLocation) -> SourceLocation {
    let name = location.file.split(separator: "/").last.map(String.init) ?? location.file
    return SourceLocation(file: name, line: location.line)
  }
}
