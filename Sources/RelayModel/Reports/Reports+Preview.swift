extension Reports {
  /// About how many bytes a route takes in `preview --json`, to cut the routes into pieces.
  static let routeJSONBytes = 490
  /// Room per route in a piece's buffer, a little more than `routeJSONBytes`.
  static let routeJSONCapacity = 540

  /// `preview --json` as one byte array (`writePreviewJSON` in one piece).
  public static func previewJSONBytes(_ preview: RoutingPreview) -> [UInt8] {
    var all: [UInt8] = []
    writePreviewJSON(preview, chunkSize: .max) { all += $0 }
    return all
  }

  /// `preview --json`, handed to `sink` in pieces of about `chunkSize` bytes, so it never
  /// holds the whole 40 MB document for 100,000 routes. The pieces of the `routes` array
  /// are written on all cores, a few at a time, and handed over in order; each piece is
  /// valid only during its call of `sink`.
  public static func writePreviewJSON(
    _ preview: RoutingPreview, chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    var json = JSONWriter(capacity: 4096)
    json.beginObject()
    json.member("dms_version", preview.version.name)
    json.member("family", preview.version.family.rawValue)
    json.member("shown_state_note", preview.shownStateNote)
    json.key("routes")
    json.beginArray()
    let routes = preview.routes
    let perPiece = max(1, min(routes.count, chunkSize / routeJSONBytes))
    let pieces = (routes.count + perPiece - 1) / perPiece
    if pieces == 1 {
      writeRoutes(routes, 0..<routes.count, into: &json)
    } else if pieces > 1 {
      json.bytes.withBytes(sink)
      json.bytes.removeAll()
      // One buffer per core, reused from group to group.
      var buffers = (0..<Parallel.cores).map { _ in ByteWriter(capacity: perPiece * routeJSONCapacity).release() }
      for group in stride(from: 0, to: pieces, by: Parallel.cores) {
        let reusable = buffers
        buffers =
          Parallel.map(min(Parallel.cores, pieces - group), minimumPerSlice: 1) { offset in
            let piece = group + offset
            var writer = JSONWriter(reusing: reusable[offset], insideArrayAt: 2, hasMembers: piece > 0)
            writeRoutes(routes, (piece * perPiece)..<min(routes.count, (piece + 1) * perPiece), into: &writer)
            return writer.release()
          } + reusable.dropFirst(pieces - group)
        for piece in buffers.prefix(pieces - group) { sink(piece.bytes) }
      }
      for buffer in buffers { buffer.deallocate() }
      json.markHasMembers()
    }
    json.endArray()
    json.key("diagnostics")
    writeDiagnostics(preview.diagnostics, into: &json)
    json.endObject()
    json.finish(to: sink)
  }

  /// The routes in `range`, each written straight into `json`: building a tree per route
  /// was a fifth of `preview --json` on 100,000 routes.
  private static func writeRoutes(_ routes: [Route], _ range: Range<Int>, into json: inout JSONWriter) {
    routes.withUnsafeBufferPointer { routes in
      for index in range { writeRoute(routes.baseAddress! + index, into: &json) }
    }
  }

  /// The aligned table `preview` prints, styled (the CLI colours it on a terminal), in one
  /// piece (`writePreviewText` collected).
  public static func previewText(_ preview: RoutingPreview) -> StyledText {
    var out = StyledText()
    writePreviewText(preview) { out.append(contentsOf: $0) }
    return out
  }

  /// The text `preview` prints, handed to `sink` in pieces of `routesPerPiece` routes, so the
  /// CLI never holds the whole table: for 400,000 routes the one-piece text took 3.7 s and
  /// 740 MB. The column widths come from a first pass over the routes that keeps only the
  /// widths; the cells are made again when each piece is written.
  public static func writePreviewText(
    _ preview: RoutingPreview, routesPerPiece: Int = 2048, to sink: (StyledText) -> Void
  ) {
    var out = StyledText()
    out.append("DMS \(preview.version.name) (\(preview.version.family.rawValue))", .bold)
    out.append("\n\n")
    if let note = preview.shownStateNote { out.append(note + "\n\n", .dim) }
    let header = ["SENDER", "OUTCOME", "NEXT HOP", "AUTH", "DECIDED BY"]
    // The last column is not padded, so its width is not needed.
    var widths = header.map(\.count)
    for route in preview.routes {
      let row = previewCells(route)
      for i in 0..<(row.count - 1) { widths[i] = max(widths[i], row[i].count) }
    }
    func padded(_ cells: [String], _ i: Int) -> String {
      i == cells.count - 1 ? cells[i] : cells[i].padding(toLength: widths[i])
    }
    out.append(header.indices.map { padded(header, $0) }.joined(separator: "  "), .bold)
    out.append("\n")
    for (index, route) in preview.routes.enumerated() {
      let row = previewCells(route)
      for i in row.indices {
        if i > 0 { out.append("  ") }
        out.append(padded(row, i), i == 1 ? .outcome(route.outcome) : .plain)
      }
      out.append("\n")
      if let reason = route.reason {
        out.append("    ")
        out.append("↳ \(visible(reason))", .dim)
        out.append("\n")
      }
      if let unpreviewable = route.unpreviewable {
        out.append("    ↳ cannot be previewed: \(visible(unpreviewable))\n", .dim)
      }
      if (index + 1) % max(1, routesPerPiece) == 0 {
        sink(out)
        out = StyledText()
      }
    }
    out.append("\n")
    if preview.diagnostics.isEmpty {
      out.append("No diagnostics.\n")
    }
    for d in preview.diagnostics {
      out.append(visible(d.location.map { "\($0): " } ?? ""))
      out.append(d.severity.rawValue, .severity(d.severity))
      out.append(": " + visible(d.message) + " [\(d.id.rawValue)]\n")
      out.append("    fix: \(visible(d.fix))\n")
    }
    out.append("\n\(preview.errorCount) error(s), \(preview.warningCount) warning(s)\n")
    sink(out)
  }

  /// A route's cells in the `preview` table, control characters made visible.
  private static func previewCells(_ r: Route) -> [String] {
    [
      r.sender, r.outcome.rawValue, r.nexthop ?? (r.outcome == .direct ? "MX" : "-"),
      r.authUser ?? "-",
      [r.rewrittenSender.map { "SRS: as \($0)," }, r.decidedBy, r.decidedByOrigin?.reference].compactMap { $0 }
        .joined(separator: " "),
    ].map(visible)
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
