import RelayModel

/// What `dms-relay --version` prints: the tool's own version and the DMS releases it models.
///
/// `scripts/package` reads the first word after `dms-relay` to name the tarball and the `.deb`,
/// so the number lives here once.
enum ToolVersion {
  static let number = "0.9.0"

  static var text: String {
    let families = VersionFamily.allCases.map { family -> String in
      switch family {
      case .v11: return "11.x"
      case .v12to13: return "12.0–13.3.x"
      case .v14plus: return "14.x–\(DMSVersion.newestKnownMajor).x, latest"
      case .edge: return "edge"
      }
    }
    return "dms-relay \(number)\nmodels docker-mailserver \(families.joined(separator: "; "))"
  }
}
