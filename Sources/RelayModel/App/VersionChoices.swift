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

  /// Whether `other` is newer than `version` (a later family).
  public func isNewer(_ other: DMSVersion, than version: DMSVersion) -> Bool {
    let a = versions.firstIndex { $0.family == other.family } ?? 0
    let b = versions.firstIndex { $0.family == version.family } ?? 0
    return a > b
  }

  /// The version after `version`, wrapping around.
  public func next(after version: DMSVersion) -> DMSVersion {
    let index = versions.firstIndex(of: version) ?? versions.firstIndex { $0.family == version.family } ?? -1
    return versions[(index + 1) % versions.count]
  }

  /// The comparison after `current` (nil = none): each version other than `selected`, then
  /// none. The next newer release comes first (planning an upgrade is why one compares),
  /// then the newer ones after it, then the older ones, nearest first (issue 14 fix 9).
  public func nextComparison(after current: DMSVersion?, selected: DMSVersion) -> DMSVersion? {
    let position = versions.firstIndex(of: selected) ?? versions.firstIndex { $0.family == selected.family } ?? -1
    let newer = versions.indices.filter { $0 > position }.map { versions[$0] }
    let older = versions.indices.filter { $0 < position }.reversed().map { versions[$0] }
    let others = (newer + older).filter { $0 != selected }
    guard let current, let index = others.firstIndex(of: current) else { return others.first }
    return index + 1 < others.count ? others[index + 1] : nil
  }
}
