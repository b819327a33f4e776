extension Checks {
  /// Problems Postfix has with the tables DMS generated (spec §5 step 3).
  static func checkGeneratedTables(_ c: Context, _ out: inout [Diagnostic]) {
    for (name, table, parsed) in readTables(c) {
      for (key, indexes) in parsed.duplicateKeys.sorted(by: { $0.key < $1.key }) {
        let places = indexes.map { table.origins[$0].phrase }
        let location = indexes.lazy.compactMap { table.origins[$0].location }.first
        let spelled = indexes.map { "'\(firstWord(table.lines[$0]))'" }
        let consequence =
          name == "relayhost_map"
          ? "every relay lookup fails and ALL outbound mail is deferred ('address resolver failure'), not only this domain's"
          : "every credentials lookup fails and mail to relays that offer AUTH is deferred"
        out.append(
          Diagnostic(
            .duplicateKey, at: location,
            "\(name) has the key '\(key)' \(indexes.count) times (\(spelled.joined(separator: " and ")) from \(places.joined(separator: " and "))) once Postfix folds case: \(consequence)",
            fix: "keep one line for '\(key)', written in lowercase like the account's domain"))
      }
      if name == "sasl_passwd" {
        for item in parsed.keysWithoutValue {
          out.append(
            Diagnostic(
              .keyWithoutValue, at: table.origins[item.lineIndex].location,
              "'\(Redaction.credentialKey(item.key))' has no 'user:password': Postfix ignores the line", fix: "add 'user:password' after the key"))
        }
      }
    }
  }

  /// The relay map and the credentials table as Postfix reads them, each with the lines it
  /// was read from, so an entry's `lineIndex` indexes its own lines: the router's tables
  /// (DMS's generated ones, or the config-folder tables an override names instead, spec §8),
  /// else DMS's generated table parsed here.
  static func readTables(_ c: Context) -> [(name: String, lines: GeneratedTable, parsed: TexthashTable)] {
    [("relayhost_map", readRelayMap(c)), ("sasl_passwd", readSaslTable(c))].compactMap { name, table in
      table.map { (name, $0.lines, $0.parsed) }
    }
  }

  static func readRelayMap(_ c: Context) -> (lines: GeneratedTable, parsed: TexthashTable)? {
    read(c.router.relayTable, from: c.router.relayTableLines, else: c.state.relayhostMap)
  }

  static func readSaslTable(_ c: Context) -> (lines: GeneratedTable, parsed: TexthashTable)? {
    read(c.router.saslTable, from: c.router.saslTableLines, else: c.state.saslPasswd)
  }

  private static func read(
    _ parsed: TexthashTable?, from lines: GeneratedTable?, else generated: GeneratedTable?
  ) -> (lines: GeneratedTable, parsed: TexthashTable)? {
    if let parsed, let lines { return (lines, parsed) }
    return generated.map { ($0, TexthashTable($0)) }
  }

  static func firstWord(_ line: [UInt8]) -> String {
    let fields = KeyValueLine(line)
    return fields.key
  }
}
