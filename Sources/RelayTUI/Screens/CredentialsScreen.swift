import RelayModel

/// Screen 3: credential entries with masked passwords, the routes using each, unused ones
/// flagged. A password is never drawn here.
enum CredentialsScreen {
  static let mask = "••••••••"

  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let layout = state.layout
    let columns = [
      Column("", .fixed(1)), Column("Key", .flexible(weight: 3, minimum: 14)),
      Column("User", .flexible(weight: 2, minimum: 10)), Column("Password", .fixed(9)),
      Column("Used by", .flexible(weight: 3, minimum: 10)),
    ]
    let rows = state.derived.credentials
    ListView.render(
      columns: columns, layout: layout, rows: state.visibleRows(.credentials), position: state.position(.credentials),
      empty: state.filter.isEmpty ? "No credentials. a adds '@domain user:password'; E sets RELAY_USER/RELAY_PASSWORD" : "Nothing matches '\(state.filter)'",
      into: &surface
    ) { index in
      let row = rows[index]
      return [
        Marker.span(marker(row)), [Span(row.key, .bold)], [Span(row.user)],
        [Span(row.hasPassword ? mask : "(empty)", row.hasPassword ? .dim : .warning)],
        row.isUnused ? [Span("unused", .warning)] : [Span(usedBy(row))],
      ]
    }
    let detail = Self.detail(state, width: surface.size.columns)
    DetailPane.render(title: detail?.title ?? "Credentials", lines: detail?.lines ?? [], layout: layout, into: &surface)
  }

  /// The selected entry's detail lines, all of them (the `i` overlay shows what the pane cuts).
  static func detail(_ state: AppState, width: Int) -> (title: String, lines: [[Span]])? {
    guard let index = state.selectedIndex(.credentials) else { return nil }
    let rows = state.derived.credentials
    let row = rows[index]
    var pane = DetailPane.Builder(width: width)
    switch row.origin {
    case .file(let line): pane.field("Line", "postfix-sasl-password.cf:\(line)")
    case .environment:
      let env = state.workspace.configuration.environment(for: state.version, path: .startup)
      let where_ = env.origins["RELAY_USER"].map { " (\($0))" } ?? ""
      // A password DMS 15.1+ reads from a file says which (spec §10).
      var fromFile = ""
      if let origin = env.origins["RELAY_PASSWORD"], case .fromFile = origin { fromFile = ", password from \(origin)" }
      pane.field("From", "RELAY_USER + RELAY_PASSWORD\(where_)\(fromFile), keyed '\(row.key)'")
    }
    pane.field("User", row.user.isEmpty ? "(empty)" : row.user)
    pane.field("Password", row.hasPassword ? "\(mask) (never shown)" : "(empty)")
    pane.field("Used by", row.isUnused ? "no route authenticates with this entry" : usedBy(row), row.isUnused ? .warning : .normal)
    if let note = row.note { pane.message("▲", note, .warning) }
    return (row.key, pane.lines)
  }

  static func marker(_ row: CredentialRow) -> Severity? {
    if row.note != nil || row.isUnused { return .warning }
    return nil
  }

  static func usedBy(_ row: CredentialRow) -> String {
    let shown = row.usedBy.prefix(4).joined(separator: ", ")
    return row.usedBy.count > 4 ? "\(shown) +\(row.usedBy.count - 4)" : shown
  }
}
