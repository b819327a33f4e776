extension Checks {
  /// Whitespace-led lines before a table's first entry: Postfix drops them (spec §5).
  ///
  /// Postfix's `readlline()` joins a whitespace-led line to the logical line before it, even
  /// across blank and comment lines; with none open (the top of the file) it warns "logical
  /// line must not start with whitespace" and ignores the line with its continuations.
  /// Elsewhere the line is a continuation, which `continuation-line` reports.
  static func checkDroppedTableLines(_ c: Context, _ out: inout [Diagnostic]) {
    let tables = [
      ("relayhost_map", c.state.relayhostMap, c.router.relayTable),
      ("sasl_passwd", c.state.saslPasswd, c.router.saslTable),
    ]
    for (name, table, parsed) in tables {
      guard let table, let first = (parsed ?? TexthashTable(table)).droppedLines.first else { continue }
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

  /// The `postfix-relaymap.cf` lines (1-based) that end up in relayhost_map's dropped
  /// logical line: they continue nothing, so `continuation-line` does not apply to them.
  static func droppedRelayMapLines(_ c: Context) -> Set<Int> {
    guard let table = c.state.relayhostMap, let parsed = c.router.relayTable else { return [] }
    return Set(
      parsed.droppedLines.compactMap { index in
        table.origins[index].location.flatMap { $0.file == RelayMapFile.fileName ? $0.line : nil }
      })
  }
}
