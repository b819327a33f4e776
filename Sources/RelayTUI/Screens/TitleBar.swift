import RelayModel

/// The top row: the config folder, the DMS version previewed (and compared), and the
/// unsaved-changes marker.
enum TitleBar {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let width = surface.size.columns
    surface.fill(row: Layout.titleRow, column: 0, width: width, style: .title)
    let folder = state.workspace.configDirectory ?? "no config folder"
    var version = "DMS \(state.version.name) (\(state.version.family.rawValue))"
    if let other = state.comparisonVersion { version += " vs \(other.name)" }
    let edits = state.workspace.edits.count
    var right = state.hasUnsavedChanges ? "● \(edits) unsaved change\(edits == 1 ? "" : "s") " : "saved "
    if state.isReadOnly { right = "read-only " }
    let rightWidth = CellWidth.of(right)
    let left = " dms-relay │ \(version) │ \(folder)"
    surface.put(left, at: Point(row: Layout.titleRow, column: 0), width: max(width - rightWidth - 1, 0), style: .title)
    surface.put(right, at: Point(row: Layout.titleRow, column: max(width - rightWidth, 0)), style: .title)
  }
}
