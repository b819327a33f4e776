extension Checks {
  /// Whitespace-led lines before a table's first entry: Postfix drops them (spec §5).
  ///
  /// Postfix's `readlline()` joins a whitespace-led line to the logical line before it, even
  /// across blank and comment lines; with none open (the top of the file) it warns "logical
  /// line must not start with whitespace" and ignores the line with its continuations.
  /// Elsewhere the line is a continuation, which `continuation-line` reports.
  static func checkDroppedTableLines(_ c: Context, _ out: inout [Diagnostic]) {
    for (name, table, parsed) in readTables(c) {
      guard let first = parsed.droppedLines.first else { continue }
      let origin = table.origins[first]
      // A sasl line may be a password; only the relay map's key is quoted.
      let what =
        name == "relayhost_map"
        ? "'\(firstWord(table.lines[first]))' gets no relay from it" : "its credentials are never used"
      out.append(
        Diagnostic(
          .whitespaceLedLine, at: origin.location,
          "this \(name) line starts with whitespace and no entry is open above it, so Postfix ignores it ('logical line must not start with whitespace'): \(what)",
          fix: "remove the leading whitespace"))
    }
  }

  /// Whitespace-led credentials lines after an entry: Postfix appends them to that entry's
  /// value, so its password silently changes (spec §5). Neither line is quoted: both may
  /// hold a password. (The relay map's are `checkRelayMapLines`' business.)
  static func checkSaslContinuations(_ c: Context, _ out: inout [Diagnostic]) {
    guard let read = readSaslTable(c) else { return }
    let (sasl, table) = (read.lines, read.parsed)
    for entry in table.entries where !entry.continuationLines.isEmpty {
      let above = sasl.origins[entry.lineIndex].location?.line.map { "line \($0)'s credentials" } ?? "the credentials above it"
      for line in entry.continuationLines {
        guard let location = sasl.origins[line].location else { continue }
        out.append(
          Diagnostic(
            .continuationLine, at: location,
            "this line starts with whitespace, so Postfix appends it to \(above): that password is no longer what the provider expects",
            fix: "remove the leading whitespace, or the line if it is what is left of a removed entry"))
      }
    }
  }

  /// The `postfix-relaymap.cf` lines (1-based) that end up in relayhost_map's dropped
  /// logical line: they continue nothing, so `continuation-line` does not apply to them.
  static func droppedRelayMapLines(_ c: Context) -> Set<Int> {
    guard let table = c.router.relayTableLines, let parsed = c.router.relayTable else { return [] }
    return Set(
      parsed.droppedLines.compactMap { index in
        table.origins[index].location.flatMap { $0.file == RelayMapFile.fileName ? $0.line : nil }
      })
  }
}
