/// The DMS release families whose relay behaviour differs (spec §2); `rules` says how.
public enum VersionFamily: String, Sendable, Codable, CaseIterable, Comparable {
  case v11 = "v11"
  case v12to13 = "v12-13"
  case v14plus = "v14+"
  /// DMS master after 15.1.0 (the `edge` image): 15.1.0's relay scripts on Debian 13 with
  /// Postfix 3.10 (spec §2).
  case edge = "edge"

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
