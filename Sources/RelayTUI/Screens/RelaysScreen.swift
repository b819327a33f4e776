import RelayModel

/// Screen 2: each distinct relay, who names it, who uses it, whether it has credentials.
enum RelaysScreen {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    let layout = state.layout
    var columns = [
      Column("", .fixed(1)), Column("Relay", .flexible(weight: 4, minimum: 16)), Column("Port", .fixed(5)),
      Column("Named by", .flexible(weight: 3, minimum: 12)), Column("Senders", .fixed(8)),
      Column("AUTH", .flexible(weight: 2, minimum: 8)),
    ]
    let checked = !state.checks.isEmpty
    if checked { columns.append(Column("Checked", .fixed(CheckResultText.columnWidth))) }
    let rows = state.derived.relays
    ListView.render(
      columns: columns, layout: layout, rows: state.visibleRows(.relays), position: state.position(.relays),
      empty: state.filter.isEmpty ? "No relay: mail goes directly to recipients' MX hosts. a adds a relay mapping, E sets RELAY_HOST" : "Nothing matches '\(state.filter)'",
      into: &surface
    ) { index in
      let row = rows[index]
      var cells = [
        Marker.span(marker(row)), [Span(row.nexthop, .bold)],
        [Span(row.port.map(String.init) ?? "?", row.port == 465 ? .warning : .normal)],
        [Span(namedBy(row))],
        [Span("\(row.senders.count)", row.failingSenders > 0 ? .error : .normal)],
        row.authUsers.isEmpty ? [Span("none", row.senders.isEmpty ? .dim : .warning)] : [Span(row.authUsers.joined(separator: ", "))],
      ]
      if checked { cells.append(CheckResultText.marker(state.checkRecord(forRelay: row.nexthop))) }
      return cells
    }
    let detail = Self.detail(state, width: surface.size.columns)
    DetailPane.render(title: detail?.title ?? "Relay", lines: detail?.lines ?? [], layout: layout, into: &surface)
  }

  /// The selected relay's detail lines, all of them (the `i` overlay shows what the pane cuts).
  static func detail(_ state: AppState, width: Int) -> (title: String, lines: [[Span]])? {
    guard let index = state.selectedIndex(.relays) else { return nil }
    let rows = state.derived.relays
    let row = rows[index]
    var pane = DetailPane.Builder(width: width)
    if let record = state.checkRecord(forRelay: row.nexthop) { CheckResultText.append(record, into: &pane) }
    if let host = row.host, let port = row.port {
      pane.field("Connects to", "\(host) port \(port)\(row.nexthop.hasPrefix("[") ? " (no MX lookup)" : " (MX lookup)")")
    }
    for origin in row.origins { pane.field("Named by", describe(origin)) }
    pane.field("Senders", senders(row))
    pane.field("AUTH", row.authUsers.isEmpty ? "none" : row.authUsers.joined(separator: ", "))
    for warning in row.warnings {
      pane.message(row.failingSenders > 0 && warning.contains("deferred") ? "✖" : "▲", warning, row.failingSenders > 0 && warning.contains("deferred") ? .error : .warning)
    }
    return (row.nexthop, pane.lines)
  }

  static func marker(_ row: RelayRow) -> Severity? {
    if row.failingSenders > 0 || row.host == nil { return .error }
    return row.warnings.isEmpty ? nil : .warning
  }

  static func namedBy(_ row: RelayRow) -> String {
    var parts: [String] = []
    var keys: [String] = []
    for origin in row.origins {
      switch origin {
      case .relayHost: parts.append("RELAY_HOST")
      case .defaultRelayHost: parts.append("DEFAULT_RELAY_HOST")
      case .relayMap(_, let key): keys.append(key)
      }
    }
    if !keys.isEmpty { parts.append("map " + keys.joined(separator: " ")) }
    return parts.isEmpty ? "generated" : parts.joined(separator: ", ")
  }

  static func describe(_ origin: RelayRow.Origin) -> String {
    switch origin {
    case .relayMap(let line, let key): return "postfix-relaymap.cf:\(line) (\(key))"
    case .relayHost(let where_): return "RELAY_HOST + RELAY_PORT" + (where_.map { " (\($0))" } ?? "")
    case .defaultRelayHost(let where_): return "DEFAULT_RELAY_HOST" + (where_.map { " (\($0))" } ?? "")
    }
  }

  static func senders(_ row: RelayRow) -> String {
    guard !row.senders.isEmpty else { return "none: no sender's route uses it" }
    let shown = row.senders.prefix(6).joined(separator: ", ")
    return row.senders.count > 6 ? "\(shown) and \(row.senders.count - 6) more" : shown
  }
}
