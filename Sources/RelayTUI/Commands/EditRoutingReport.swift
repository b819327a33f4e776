import RelayModel

/// The routing change an edit causes, printed by every edit command under its diff (also
/// with `--dry-run`), with a warning on standard error when the edit breaks something.
enum EditRoutingReport {
  static func print(loaded: LoadedConfiguration, edits: [RelayEdit]) {
    var workspace = Workspace(loaded)
    for edit in edits {
      guard (try? workspace.apply(edit)) != nil else { return }
    }
    // A `__FILE` variable the edits point elsewhere: preview the file it now names.
    let unread = workspace.unreadSecretFiles
    if !unread.isEmpty {
      workspace.secretFilesRead(FileSecret.read(unread, compose: loaded.compose, configDirectory: loaded.configDirectory))
    }
    let version = loaded.version ?? DMSVersion.representative(of: .v14plus)
    let change = RoutingChange(before: loaded.configuration, after: workspace.configuration, version: version)
    let note = loaded.version == nil ? "no DMS version detected; --dms-version VERSION previews yours" : nil
    for line in change.reportLines(versionNote: note) { printLine(line) }
    if let warning = change.errorWarning {
      printError("dms-relay: warning: \(warning); 'dms-relay preview' shows why")
    }
  }
}
