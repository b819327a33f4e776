/// How bad a diagnostic is. `error`: mail will not go where the files say (or at all).
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
  case error, warning, info

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
