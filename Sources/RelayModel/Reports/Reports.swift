/// The JSON and text the `generate`, `route`, `preview` and `compare` commands print.
///
/// Kept in the model so they are tested without a terminal; the commands only choose one and
/// print it.
public enum Reports {
  // MARK: generate

  public static func generateJSON(
    _ state: GeneratedState, version: DMSVersion, showSecrets: Bool
  ) -> JSONValue {
    let sasl = saslLines(state, showSecrets: showSecrets)
    return .object([
      ("dms_version", .string(version.name)),
      ("family", .string(version.family.rawValue)),
      ("path", .string(state.path.rawValue)),
      ("relayhost_map", .strings(state.relayhostMap?.textLines)),
      ("sasl_passwd", .strings(sasl)),
      ("postconf", .strings(state.postconf.map(\.description))),
      ("modified_inputs", .strings(state.modifiedInputs)),
    ])
  }

  public static func generateText(_ state: GeneratedState, version: DMSVersion, showSecrets: Bool) -> String {
    var out = "# DMS \(version.name) (\(version.family.rawValue)), \(state.path.rawValue)\n"
    func table(_ name: String, _ lines: [String]?) {
      guard let lines else {
        out += "\n## \(name): not written\n"
        return
      }
      out += "\n## \(name) (\(lines.count) line\(lines.count == 1 ? "" : "s"))\n"
      for line in lines { out += visible(line) + "\n" }
    }
    table(Generator.relayhostMapPath, state.relayhostMap?.textLines)
    table(Generator.saslPasswdPath, saslLines(state, showSecrets: showSecrets))
    out += "\n## postconf\n"
    for setting in state.postconf { out += "\(setting)\n" }
    if !state.modifiedInputs.isEmpty {
      out += "\n## config files DMS rewrites in place\n"
      for name in state.modifiedInputs { out += "\(name)\n" }
    }
    return out
  }

  /// `sasl_passwd` as text, passwords redacted unless asked for.
  static func saslLines(_ state: GeneratedState, showSecrets: Bool) -> [String]? {
    state.saslPasswd.map { table in
      (showSecrets ? table.lines : Redaction.saslPasswords.redactLines(table.lines)).map { String(decoding: $0, as: UTF8.self) }
    }
  }

  /// Shows control characters DMS leaves in lines (`\r`) so they can be seen.
  public static func visible(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where ControlEscaping.needsEscape(scalar): out += ControlEscaping.escaped(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  // MARK: route

  public static func routeJSON(_ route: Route) -> JSONValue {
    .object([
      ("sender", .string(route.sender)),
      ("outcome", .string(route.outcome.rawValue)),
      ("nexthop", .optional(route.nexthop)),
      ("relay", .optional(route.relay)),
      ("auth_user", .optional(route.authUser)),
      ("decided_by", .optional(route.decidedBy)),
      ("source", .optional(route.decidedByOrigin.map(originText))),
      ("auth_source", .optional(route.authOrigin.map(originText))),
      ("tls", .string(route.tls)),
      ("reason", .optional(route.reason)),
      ("warnings", .array(route.warnings.map { .string($0.message) })),
    ])
  }

  public static func originText(_ origin: LineOrigin) -> String {
    switch origin {
    case .file(let name, let line): return "\(name):\(line)"
    case .generatedForDomain(let domain): return "generated from RELAY_HOST for \(domain)"
    case .environment(let keys): return "env " + keys.joined(separator: "+")
    }
  }

  // MARK: preview

  public static func diagnosticJSON(_ d: Diagnostic) -> JSONValue {
    .object([
      ("code", .string(d.id.rawValue)),
      ("severity", .string(d.severity.rawValue)),
      ("file", .optional(d.location?.file)),
      ("line", d.location?.line.map(JSONValue.int) ?? .null),
      ("message", .string(d.message)),
      ("fix", .string(d.fix)),
    ])
  }

  public static func previewJSON(_ preview: RoutingPreview) -> JSONValue {
    .object([
      ("dms_version", .string(preview.version.name)),
      ("family", .string(preview.version.family.rawValue)),
      ("routes", .array(preview.routes.map(routeJSON))),
      ("diagnostics", .array(preview.diagnostics.map(diagnosticJSON))),
    ])
  }

  /// `previewJSON(preview).renderedBytes()`, streamed route by route so 100,000 routes never
  /// exist as one JSON tree in memory.
  public static func previewJSONBytes(_ preview: RoutingPreview) -> [UInt8] {
    var all: [UInt8] = []
    writePreviewJSON(preview, chunkSize: .max) { all += $0 }
    return all
  }

  /// The bytes of `previewJSONBytes(preview)`, handed to `sink` in pieces of about `chunkSize`
  /// bytes, so `preview --json` never holds the whole 40 MB document for 100,000 routes.
  /// The pieces of the `routes` array are rendered on all cores, a few at a time, and handed
  /// over in order; each piece is valid only during its call of `sink`.
  public static func writePreviewJSON(
    _ preview: RoutingPreview, chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    var out = ByteWriter(capacity: 4096)
    out.append("{\n  \"dms_version\": ")
    out.append(jsonString: preview.version.name)
    out.append(",\n  \"family\": ")
    out.append(jsonString: preview.version.family.rawValue)
    out.append(",\n  \"routes\": ")
    let routes = preview.routes
    if routes.isEmpty {
      out.append("[]")
    } else {
      out.append("[\n")
      // About `chunkSize` bytes a piece: a route takes some 430 bytes.
      let perPiece = max(1, min(routes.count, chunkSize / 430))
      let pieces = (routes.count + perPiece - 1) / perPiece
      if pieces == 1 {
        writeRoutes(routes, 0..<routes.count, into: &out)
      } else {
        out.withBytes(sink)
        out.removeAll()
        // One buffer per core, reused from group to group.
        var buffers = (0..<Parallel.cores).map { _ in ByteWriter(capacity: perPiece * 480).release() }
        for group in stride(from: 0, to: pieces, by: Parallel.cores) {
          let reusable = buffers
          buffers = Parallel.map(min(Parallel.cores, pieces - group), minimumPerSlice: 1) { offset in
            let piece = group + offset
            var bytes = ByteWriter(reusing: reusable[offset])
            writeRoutes(routes, (piece * perPiece)..<min(routes.count, (piece + 1) * perPiece), into: &bytes)
            return bytes.release()
          } + reusable.dropFirst(pieces - group)
          for piece in buffers.prefix(pieces - group) { sink(piece.bytes) }
        }
        for buffer in buffers { buffer.deallocate() }
      }
      out.append("  ]")
    }
    out.append(",\n  \"diagnostics\": ")
    var diagnostics: [UInt8] = []
    writeArray(preview.diagnostics, into: &diagnostics) { diagnosticJSON($0) }
    out.append(diagnostics)
    out.append("\n}\n")
    out.withBytes(sink)
  }

  /// Lines of the `routes` array at indentation level 1 for `range`, each route written
  /// straight into `out`: building a `JSONValue` tree per route was a fifth of
  /// `preview --json` on 100,000 routes.
  private static func writeRoutes(_ routes: [Route], _ range: Range<Int>, into out: inout ByteWriter) {
    routes.withUnsafeBufferPointer { routes in
      for index in range {
        out.append("    ")
        writeRoute(routes.baseAddress! + index, into: &out)
        if index < routes.count - 1 { out.append(UInt8(ascii: ",")) }
        out.append(0x0A)
      }
    }
  }

  /// The bytes `routeJSON(route).write(into:indent: 2)` produces, without the tree.
  static func writeRoute(_ route: Route, into out: inout [UInt8]) {
    var writer = ByteWriter(capacity: 512)
    withUnsafePointer(to: route) { writeRoute($0, into: &writer) }
    writer.withBytes { out += $0 }
  }

  /// Keep the members in step with `routeJSON` (a test compares the two). The route is read
  /// in place: a copy retains and releases each of its Strings, which two cores writing
  /// routes that share a relay then contend for.
  private static func writeRoute(_ route: UnsafePointer<Route>, into out: inout ByteWriter) {
    func optional(_ value: String?, _ out: inout ByteWriter) {
      if let value { out.append(jsonString: value) } else { out.append("null") }
    }
    // `decider.text(sender:)` without building the String.
    func decider(_ value: Route.Decider, sender: String, _ out: inout ByteWriter) {
      switch value {
      case .none: out.append("null")
      case .text(let text): out.append(jsonString: text)
      case .senderKey(let table):
        out.append(UInt8(ascii: "\""))
        out.append(jsonStringContent: table.rawValue)
        out.append(UInt8(ascii: ":"))
        out.append(jsonStringContent: sender)
        out.append(UInt8(ascii: "\""))
      }
    }
    // `originText(value)` without building the String: escaping is byte by byte, so
    // escaping the parts equals escaping the whole.
    func origin(_ value: LineOrigin?, _ out: inout ByteWriter) {
      switch value {
      case nil:
        out.append("null")
      case .file(let name, let line):
        out.append(UInt8(ascii: "\""))
        out.append(jsonStringContent: name)
        out.append(UInt8(ascii: ":"))
        out.append(decimal: line)
        out.append(UInt8(ascii: "\""))
      case .generatedForDomain(let domain):
        out.append("\"generated from RELAY_HOST for ")
        out.append(jsonStringContent: domain)
        out.append(UInt8(ascii: "\""))
      case .environment(let keys):
        out.append(jsonString: originText(.environment(keys)))
      }
    }
    out.append("{\n      \"sender\": ")
    out.append(jsonString: route.pointee.sender)
    out.append(",\n      \"outcome\": ")
    out.append(jsonString: route.pointee.outcome.rawValue)
    out.append(",\n      \"nexthop\": ")
    optional(route.pointee.nexthop, &out)
    out.append(",\n      \"relay\": ")
    optional(route.pointee.relay, &out)
    out.append(",\n      \"auth_user\": ")
    optional(route.pointee.authUser, &out)
    out.append(",\n      \"decided_by\": ")
    decider(route.pointee.decider, sender: route.pointee.sender, &out)
    out.append(",\n      \"source\": ")
    origin(route.pointee.decidedByOrigin, &out)
    out.append(",\n      \"auth_source\": ")
    origin(route.pointee.authOrigin, &out)
    out.append(",\n      \"tls\": ")
    out.append(jsonString: route.pointee.tls)
    out.append(",\n      \"reason\": ")
    optional(route.pointee.reason, &out)
    out.append(",\n      \"warnings\": ")
    if route.pointee.warnings.isEmpty {
      out.append("[]")
    } else {
      out.append("[\n")
      for (i, warning) in route.pointee.warnings.enumerated() {
        out.append("        ")
        out.append(jsonString: warning.message)
        if i < route.pointee.warnings.count - 1 { out.append(UInt8(ascii: ",")) }
        out.append(0x0A)
      }
      out.append("      ]")
    }
    out.append("\n    }")
  }

  private static func writeArray<T>(_ items: [T], into out: inout [UInt8], _ json: (T) -> JSONValue) {
    if items.isEmpty {
      out.append(contentsOf: "[]".utf8)
      return
    }
    out.append(contentsOf: "[\n".utf8)
    for (i, item) in items.enumerated() {
      out.append(contentsOf: "    ".utf8)
      json(item).write(into: &out, indent: 2)
      if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
      out.append(0x0A)
    }
    out.append(contentsOf: "  ]".utf8)
  }

  /// The aligned, optionally coloured table `preview` prints on a terminal.
  public static func previewText(_ preview: RoutingPreview, color: Bool) -> String {
    let paint = Painter(enabled: color)
    var out = paint.bold("DMS \(preview.version.name) (\(preview.version.family.rawValue))") + "\n\n"
    let header = ["SENDER", "OUTCOME", "NEXT HOP", "AUTH", "DECIDED BY"]
    let rows = preview.routes.map { r -> [String] in
      [
        r.sender, r.outcome.rawValue, r.nexthop ?? (r.outcome == .direct ? "MX" : "-"),
        r.authUser ?? "-",
        [r.decidedBy, r.decidedByOrigin.map(originText)].compactMap { $0 }.joined(separator: " "),
      ].map(visible)
    }
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ cells: [String], outcome: RouteOutcome?) -> String {
      var parts: [String] = []
      for (i, cell) in cells.enumerated() {
        let padded = i == cells.count - 1 ? cell : cell.padding(toLength: widths[i])
        parts.append(i == 1 && outcome != nil ? paint.outcome(padded, outcome!) : padded)
      }
      return parts.joined(separator: "  ")
    }
    out += paint.bold(line(header, outcome: nil)) + "\n"
    for (row, route) in zip(rows, preview.routes) {
      out += line(row, outcome: route.outcome) + "\n"
      if let reason = route.reason { out += "    " + paint.dim("↳ \(visible(reason))") + "\n" }
    }
    out += "\n"
    if preview.diagnostics.isEmpty {
      out += "No diagnostics.\n"
    }
    for d in preview.diagnostics {
      let prefix = d.location.map { "\($0): " } ?? ""
      out += visible(prefix) + paint.severity(d.severity) + ": " + visible(d.message) + " [\(d.id.rawValue)]\n"
      out += "    fix: \(visible(d.fix))\n"
    }
    out += "\n\(preview.errorCount) error(s), \(preview.warningCount) warning(s)\n"
    return out
  }
}

/// ANSI colour, switched off for pipes and `NO_COLOR`.
struct Painter {
  var enabled: Bool
  func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
  func bold(_ s: String) -> String { wrap(s, "1") }
  func dim(_ s: String) -> String { wrap(s, "2") }
  func outcome(_ s: String, _ o: RouteOutcome) -> String {
    switch o {
    case .relayed: return wrap(s, "32")
    case .direct: return wrap(s, "36")
    case .deferred, .bounced: return wrap(s, "31;1")
    }
  }
  func severity(_ s: Severity) -> String {
    switch s {
    case .error: return wrap("error", "31;1")
    case .warning: return wrap("warning", "33;1")
    case .info: return wrap("info", "34")
    }
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}

extension Reports {
  // MARK: compare

  public static func compareJSON(_ c: VersionComparison) -> JSONValue {
    .object([
      ("from", .string(c.from.version.name)),
      ("to", .string(c.to.version.name)),
      ("changes", .array(c.changes.map { change in
        .object([
          ("sender", .string(change.sender)),
          ("from", routeJSON(change.from)),
          ("to", routeJSON(change.to)),
          ("summary", .string(change.summary)),
        ])
      })),
      ("resolved_diagnostics", .array(c.resolvedDiagnostics.map(diagnosticJSON))),
      ("introduced_diagnostics", .array(c.introducedDiagnostics.map(diagnosticJSON))),
    ])
  }

  public static func compareText(_ c: VersionComparison, color: Bool) -> String {
    let paint = Painter(enabled: color)
    let from = "\(c.from.version.name) (\(c.from.version.family.rawValue))"
    let to = "\(c.to.version.name) (\(c.to.version.family.rawValue))"
    var out = paint.bold("DMS \(from) → \(to)") + "\n\n"
    if c.changes.isEmpty {
      out += "No sender's route changes.\n"
    } else {
      out += "\(c.changes.count) sender(s) change route:\n"
      for change in c.changes {
        out += "  \(change.sender)\n"
        out += "    \(c.from.version.name): \(VersionComparison.describe(change.from, change.to))\n"
        out += "    \(c.to.version.name): \(VersionComparison.describe(change.to, change.from))\n"
      }
    }
    if !c.resolvedDiagnostics.isEmpty {
      out += "\nFixed by \(c.to.version.name):\n"
      for d in c.resolvedDiagnostics { out += "  - \(d.formatted)\n" }
    }
    if !c.introducedDiagnostics.isEmpty {
      out += "\nNew on \(c.to.version.name):\n"
      for d in c.introducedDiagnostics { out += "  - \(d.formatted)\n    fix: \(d.fix)\n" }
    }
    return out
  }
}
