extension RoutingChange {
  /// How many changed senders the report lists before "… and N more".
  public static let listedSenders = 20

  /// The report every edit command prints under its diff: one line per changed sender,
  /// then the diagnostics fixed and introduced, as `preview` words them. `versionNote` says
  /// why this version was used when none was detected.
  public func reportLines(versionNote: String? = nil) -> [String] {
    let header = "routing on DMS \(version.name)" + (versionNote.map { " (\($0))" } ?? "") + ":"
    guard !isEmpty else { return [header + " no sender's route changes"] }
    var lines = [header]
    for change in changes.prefix(Self.listedSenders) {
      lines.append("  \(Self.senderLabel(change.sender)): \(change.summary)")
    }
    if changes.count > Self.listedSenders {
      lines.append("  … and \(changes.count - Self.listedSenders) more sender(s) (dms-relay preview lists them)")
    }
    if changes.isEmpty { lines.append("  no sender's route changes") }
    for diagnostic in fixed { lines.append("  fixed: [\(diagnostic.id.rawValue)] \(diagnostic.message)") }
    for diagnostic in introduced {
      lines.append("  new \(diagnostic.severity.rawValue): [\(diagnostic.id.rawValue)] \(diagnostic.message)")
    }
    return lines
  }

  /// The warning when the edit breaks something, nil when it does not.
  public var errorWarning: String? {
    guard introducesError else { return nil }
    let errors = introduced.filter { $0.severity == .error }.count
    var parts: [String] = []
    if errors > 0 { parts.append("adds \(errors) error(s)") }
    if !newlyFailing.isEmpty { parts.append("stops the mail of \(newlyFailing.count) sender(s)") }
    return "this change \(parts.joined(separator: " and ")) on DMS \(version.name)"
  }

  /// "any other sender" for the probe address, the sender itself otherwise.
  public static func senderLabel(_ sender: String) -> String {
    sender == VersionComparison.otherSenderProbe ? "any other sender" : sender
  }
}
