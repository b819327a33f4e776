extension PlanStep {
  /// The comment `createSaslFile` writes.
  public static let saslFileHeader =
    "# Relay credentials, one 'KEY USER:PASSWORD' per line (KEY: @domain or [host]:port).\n"

  /// Applies the step to a configuration: files are edited exactly as they will be written;
  /// env steps change the environment the way the container will see it after a restart.
  /// Returns the edit's notes.
  public func apply(to configuration: inout Configuration) throws(EditError) -> [String] {
    switch action {
    case .edit(let edit):
      switch edit {
      case .setEnv(let key, let value):
        try edit.validate()
        configuration.environment.set(key, value, origin: .derived("dms-relay setup"))
        return []
      case .unsetEnv(let key):
        try edit.validate()
        configuration.environment.remove(key)
        return []
      default:
        break
      }
      switch edit.target {
      case .relayMap:
        let result = try edit.apply(to: configuration.relayMap?.document, fileName: RelayMapFile.fileName)
        configuration.relayMap = RelayMapFile(document: result.document)
        return result.isNoOp ? [] : result.notes
      case .saslPasswords:
        let result = try edit.apply(
          to: configuration.saslPasswords?.document, fileName: SaslPasswordFile.fileName)
        configuration.saslPasswords = SaslPasswordFile(document: result.document)
        return result.isNoOp ? [] : result.notes
      case .envFile:
        return []
      }
    case .addRelayAuth(let host, let port, let user, let password):
      try RelayEdit.validateHost(host)
      try RelayEdit.validatePort(port)
      try RelayEdit.validateUser(user)
      try RelayEdit.validatePassword(password)
      let key = RelayEdit.nextHop(host: host, port: port)
      let entry = Array("\(key) \(user):\(password)".utf8)
      var document = configuration.saslPasswords?.document ?? TextDocument()
      let matches = Self.lines(keyed: key, in: document)
      var notes: [String] = []
      if let first = matches.first {
        document.lines[first] = Line(body: entry, hasNewline: document.lines[first].hasNewline)
        for index in matches.dropFirst().reversed() {
          document.lines.remove(at: index)
          notes.append(
            "\(SaslPasswordFile.fileName):\(index + 1): removed a second '\(key)' line (Postfix refuses tables with duplicate keys)")
        }
      } else {
        if let last = document.lines.last, !last.hasNewline {
          document.lines[document.lines.count - 1] = RelayEdit.terminated(last, ending: document.lineEnding)
        }
        document.lines.append(Line(body: entry, hasNewline: true))
      }
      configuration.saslPasswords = SaslPasswordFile(document: document)
      return notes
    case .delRelayAuth(let key):
      guard var document = configuration.saslPasswords?.document else {
        throw .nothingToRemove(file: SaslPasswordFile.fileName, what: "the file does not exist")
      }
      let matches = Self.lines(keyed: key, in: document)
      guard !matches.isEmpty else {
        throw .nothingToRemove(file: SaslPasswordFile.fileName, what: "no line is keyed '\(key)'")
      }
      for index in matches.reversed() { document.lines.remove(at: index) }
      configuration.saslPasswords = SaslPasswordFile(document: document)
      return [RelayEdit.removalNote(SaslPasswordFile.fileName, matches.map { $0 + 1 })]
    case .editExactCase(let edit):
      try edit.validate()
      let key: String
      let value: String
      switch edit {
      case .addDomain(let domain, let host, let port):
        key = "@\(domain)"
        value = RelayEdit.nextHop(host: host, port: port)
      case .excludeDomain(let domain):
        key = "@\(domain)"
        value = ""
      default:
        preconditionFailure("editExactCase carries add-domain or exclude-domain, not \(edit.summary)")
      }
      var document = configuration.relayMap?.document ?? TextDocument()
      let keyBytes = Array(key.utf8)
      let entry = Line(body: keyBytes + [0x20] + Array(value.utf8), hasNewline: true)
      if let index = document.lines.firstIndex(where: { RelayEdit.matchKey($0.body, key: keyBytes) == .exact }) {
        document.lines[index] = Line(body: entry.body, hasNewline: document.lines[index].hasNewline)
      } else {
        if let last = document.lines.last, !last.hasNewline {
          document.lines[document.lines.count - 1] = RelayEdit.terminated(last, ending: document.lineEnding)
        }
        document.lines.append(entry)
      }
      configuration.relayMap = RelayMapFile(document: document)
      return []
    case .removeDuplicateKeys(let file, let key):
      let name = file.configFileName ?? "env"
      let current: TextDocument?
      switch file {
      case .relayMap: current = configuration.relayMap?.document
      case .saslPasswords: current = configuration.saslPasswords?.document
      case .envFile: current = nil
      }
      guard var document = current else {
        throw .nothingToRemove(file: name, what: "the file does not exist")
      }
      let matches = Self.lines(keyed: key, in: document, valuesOnly: true)
      guard matches.count > 1 else { throw .nothingToRemove(file: name, what: "'\(key)' is not repeated") }
      for index in matches.dropFirst().reversed() { document.lines.remove(at: index) }
      if file == .relayMap {
        configuration.relayMap = RelayMapFile(document: document)
      } else {
        configuration.saslPasswords = SaslPasswordFile(document: document)
      }
      return [RelayEdit.removalNote(name, matches.dropFirst().map { $0 + 1 })]
    case .addFinalNewline(let file):
      guard file == .relayMap, var document = configuration.relayMap?.document, let last = document.lines.last,
        !last.hasNewline
      else { return [] }
      document.lines[document.lines.count - 1] = RelayEdit.terminated(last, ending: document.lineEnding)
      configuration.relayMap = RelayMapFile(document: document)
      return []
    case .createSaslFile:
      if configuration.saslPasswords == nil {
        configuration.saslPasswords = SaslPasswordFile(document: TextDocument(text: Self.saslFileHeader))
      }
      return []
    }
  }

  /// Indices of the lines whose key is `key` (ASCII case ignored), not indented and not
  /// comments: the lines Postfix reads as that key.
  /// With `valuesOnly`, only lines that also have a value (the ones Postfix keeps).
  static func lines(keyed key: String, in document: TextDocument, valuesOnly: Bool = false) -> [Int] {
    let folded = key.lowercased()
    return document.lines.indices.filter { index in
      let body = document.lines[index].body
      guard let first = body.first, !Bytes.isSpace(first), !Bytes.isComment(body) else { return false }
      let fields = KeyValueLine(body)
      return fields.key.lowercased() == folded && (!valuesOnly || !fields.value.isEmpty)
    }
  }
}
