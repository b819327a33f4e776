/// The DMS versions `v` cycles through: the detected version and one representative of
/// each other family (spec §2), oldest family first. Versions within a family behave the
/// same, so more choices would only repeat a preview.
public struct VersionChoices: Hashable, Sendable {
  public private(set) var versions: [DMSVersion]

  public init(detected: DMSVersion?) {
    versions = VersionFamily.allCases.map { family in
      if let detected, detected.family == family { return detected }
      return DMSVersion.representative(of: family)
    }
  }

  /// The version after `version`, wrapping around.
  public func next(after version: DMSVersion) -> DMSVersion {
    let index = versions.firstIndex(of: version) ?? versions.firstIndex { $0.family == version.family } ?? -1
    return versions[(index + 1) % versions.count]
  }

  /// The comparison after `current` (nil = none): each version other than `selected`, then none.
  public func nextComparison(after current: DMSVersion?, selected: DMSVersion) -> DMSVersion? {
    let others = versions.filter { $0 != selected }
    guard let current, let index = others.firstIndex(of: current) else { return others.first }
    return index + 1 < others.count ? others[index + 1] : nil
  }
}
