extension Checks {
  /// Problems Postfix has with the tables DMS generated (spec §5 step 3).
  static func checkGeneratedTables(_ c: Context, _ out: inout [Diagnostic]) {
    let tables = [
      ("relayhost_map", c.state.relayhostMap, c.router.relayTable),
      ("sasl_passwd", c.state.saslPasswd, c.router.saslTable),
    ]
    for (name, table, parsed) in tables {
      guard let table else { continue }
      let parsed = parsed ?? TexthashTable(table)
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

  static func firstWord(_ line: [UInt8]) -> String {
    let fields = KeyValueLine(line)
    return fields.key
  }
}
