import RelayModel

/// Screen 5: the pending edits and the unified diff of every file they change, secrets
/// redacted. Nothing on disk changes until `w` and `y`.
enum ChangesScreen {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let layout = state.layout
    let lines = state.derived.changes
    let files = state.workspace.plan.files.filter(\.isChange).count
    let title = lines.isEmpty ? "No pending changes" : "\(state.workspace.edits.count) pending change(s) in \(files) file(s) — w writes, u undoes the last"
    ListView.render(
      columns: [Column(title, .flexible(weight: 1, minimum: 10))], layout: layout, rows: state.visibleRows(.changes),
      position: state.position(.changes),
      empty: "Edits you make (a, e, d, x, E) show up here as a diff; nothing is written before w then y.",
      into: &surface
    ) { index in
      let line = lines[index]
      return [[Span(line.text, style(line.kind))]]
    }
  }

  static func style(_ kind: ChangeLine.Kind) -> Style {
    switch kind {
    case .title, .fileHeader: return .bold
    case .edit: return .info
    case .hunk: return .hunk
    case .added: return .added
    case .removed: return .removed
    case .context, .blank: return .normal
    case .note: return .dim
    }
  }
}
