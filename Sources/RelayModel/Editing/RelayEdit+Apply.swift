/// What applying one `RelayEdit` to a file gives: the new document and what to tell the admin.
public struct EditResult: Hashable, Sendable {
  public var document: TextDocument
  /// Sentences for the admin: where DMS would have behaved differently, what was removed …
  public var notes: [String]
  /// True when the file's bytes do not change (DMS's `sedfile` would fail "No difference").
  public var isNoOp: Bool

  public init(document: TextDocument, notes: [String] = [], isNoOp: Bool = false) {
    self.document = document
    self.notes = notes
    self.isNoOp = isNoOp
  }
}

extension RelayEdit {
  /// Applies the edit to a file's document (nil when the file does not exist).
  ///
  /// `add-domain`, `add-auth` and `exclude-domain` reproduce DMS v15.1's
  /// `_db_operation 'replace'` (`helpers/database/db.sh`) byte for byte:
  /// - the key is `@D`; a line "has" it when `grep -qi "^@D\s"` matches (case-insensitive,
  ///   `\s` includes tab and a CRLF `\r`);
  /// - then `sed "s/^@D\s.*/ENTRY/"` replaces each matching line whole (case-sensitive), so a
  ///   replaced CRLF line becomes LF and an unterminated last line stays unterminated;
  /// - else `echo "ENTRY" >>` appends with LF, whatever the file's line ending.
  ///
  /// Where DMS would misbehave the edit refuses or improves visibly (see `notes`):
  /// a key found only in another letter case is refused (`sed` would change nothing); an
  /// unterminated last line is terminated before appending (`echo >>` would glue the entry
  /// onto it); a second line with the same key is removed rather than rewritten into a
  /// duplicate (Postfix refuses tables with duplicate keys, spec §5); a replace that
  /// changes nothing is a no-op.
  ///
  /// The edit is validated first. Lines the edit does not touch keep their exact bytes.
  public func apply(to document: TextDocument?, fileName: String) throws(EditError) -> EditResult {
    try validate()
    let doc = document ?? TextDocument()
    switch self {
    case .addDomain(let domain, let host, let port):
      return try Self.replaceOrAppend(
        doc, fileName: fileName, domain: domain, value: Self.nextHop(host: host, port: port))
    case .addAuth(let domain, let user, let password):
      return try Self.replaceOrAppend(
        doc, fileName: fileName, domain: domain, value: "\(user):\(password)")
    case .excludeDomain(let domain):
      return try Self.replaceOrAppend(doc, fileName: fileName, domain: domain, value: "")
    case .delDomain(let domain), .delAuth(let domain):
      return try Self.removeKeyed(doc, fileName: fileName, domain: domain)
    case .includeDomain(let domain):
      return try Self.removeOptOuts(doc, fileName: fileName, domain: domain)
    case .setEnv(let key, let value):
      return Self.setEnv(doc, key: key, value: value, fileName: fileName)
    case .unsetEnv(let key):
      return try Self.unsetEnv(doc, key: key, fileName: fileName)
    }
  }

  // MARK: - setup relay (db.sh 'replace')

  enum KeyMatch { case exact, otherCase, none }

  /// `^@D\s` against a line body: exact, only ASCII-case-insensitively, or not at all.
  static func matchKey(_ body: [UInt8], key: [UInt8]) -> KeyMatch {
    guard body.count > key.count, Bytes.isSpace(body[key.count]) else { return .none }
    var exact = true
    for i in 0..<key.count {
      if body[i] == key[i] { continue }
      if Bytes.lower(body[i]) != Bytes.lower(key[i]) { return .none }
      exact = false
    }
    return exact ? .exact : .otherCase
  }

  static func refuseOtherCase(
    _ doc: TextDocument, fileName: String, key: [UInt8]
  ) throws(EditError) {
    for (index, line) in doc.lines.enumerated() where matchKey(line.body, key: key) == .otherCase {
      throw .keySpelledDifferently(
        location: SourceLocation(file: fileName, line: index + 1),
        existing: Bytes.string(line.body[0..<key.count]), requested: Bytes.string(key))
    }
  }

  static func replaceOrAppend(
    _ doc: TextDocument, fileName: String, domain: String, value: String
  ) throws(EditError) -> EditResult {
    let key = Array("@\(domain)".utf8)
    let entry = key + [0x20] + Array(value.utf8)
    try refuseOtherCase(doc, fileName: fileName, key: key)
    var notes: [String] = []
    var lines: [Line] = []
    lines.reserveCapacity(doc.lines.count + 1)
    var replacedAt: Int?
    for (index, line) in doc.lines.enumerated() {
      guard matchKey(line.body, key: key) == .exact else {
        lines.append(line)
        continue
      }
      if let first = replacedAt {
        notes.append(
          "\(fileName):\(index + 1): removed a second '@\(domain)' line (DMS would rewrite it into a duplicate of line \(first + 1); Postfix refuses tables with duplicate keys)"
        )
        continue
      }
      replacedAt = index
      lines.append(Line(body: entry, hasNewline: line.hasNewline))
      if line.isCRLF, line.body != entry + [0x0D] {
        notes.append(
          "\(fileName):\(index + 1): the replaced line now ends in LF, as DMS's sed writes it; the file's other lines keep CRLF"
        )
      }
    }
    if let at = replacedAt {
      if value.contains("\\") {
        notes.append(
          "\(fileName):\(at + 1): the new value contains '\\', written as is; DMS's own 'setup relay' would have passed it through sed, which reads '\\n', '\\1' … as escapes"
        )
      }
      let result = TextDocument(lines: lines)
      if result.bytes == doc.bytes {
        return EditResult(
          document: doc,
          notes: [
            "\(fileName):\(at + 1): already '\(Bytes.string(Redaction.forFile(named: fileName).redact(entry)))'; nothing to change"
          ],
          isNoOp: true)
      }
      return EditResult(document: result, notes: notes)
    }
    if let last = lines.last, !last.hasNewline {
      lines[lines.count - 1] = terminated(last, ending: doc.lineEnding)
      notes.append(
        "\(fileName):\(lines.count): the last line had no final newline; added one before appending (DMS's 'echo >>' would glue the new entry onto it)"
      )
    }
    lines.append(Line(body: entry, hasNewline: true))
    if doc.lineEnding == .crlf {
      notes.append(
        "\(fileName):\(lines.count): appended with LF, as DMS's 'echo >>' does; the file's other lines keep CRLF"
      )
    }
    return EditResult(document: TextDocument(lines: lines), notes: notes)
  }

  static func terminated(_ line: Line, ending: LineEnding) -> Line {
    var line = line
    if ending == .crlf, !line.isCRLF { line.body.append(0x0D) }
    line.hasNewline = true
    return line
  }

  // MARK: - Removal

  /// `sed "/^@D\s/d"`, as DMS's `_db_entry_remove` does (case-sensitive).
  static func removeKeyed(
    _ doc: TextDocument, fileName: String, domain: String
  ) throws(EditError) -> EditResult {
    let key = Array("@\(domain)".utf8)
    var lines: [Line] = []
    var removed: [Int] = []
    for (index, line) in doc.lines.enumerated() {
      if matchKey(line.body, key: key) == .exact {
        removed.append(index + 1)
      } else {
        lines.append(line)
      }
    }
    guard !removed.isEmpty else {
      try refuseOtherCase(doc, fileName: fileName, key: key)
      throw .nothingToRemove(file: fileName, what: "no line starts with '@\(domain)'")
    }
    return EditResult(
      document: TextDocument(lines: lines), notes: [removalNote(fileName, removed)])
  }

  /// Opt-out lines `^\s*@D\s*$` (DMS's opt-out test, case-sensitive).
  static func removeOptOuts(
    _ doc: TextDocument, fileName: String, domain: String
  ) throws(EditError) -> EditResult {
    let key = Array("@\(domain)".utf8)
    var lines: [Line] = []
    var removed: [Int] = []
    for (index, line) in doc.lines.enumerated() {
      let body = line.body
      let start = Bytes.firstNonSpace(body)
      let isOptOut =
        body.count - start >= key.count && Array(body[start..<(start + key.count)]) == key
        && body[(start + key.count)...].allSatisfy(Bytes.isSpace)
      if isOptOut { removed.append(index + 1) } else { lines.append(line) }
    }
    guard !removed.isEmpty else {
      throw .nothingToRemove(file: fileName, what: "'@\(domain)' is not opted out")
    }
    return EditResult(
      document: TextDocument(lines: lines), notes: [removalNote(fileName, removed)])
  }

  static func removalNote(_ fileName: String, _ lines: [Int]) -> String {
    lines.count == 1
      ? "\(fileName):\(lines[0]): removed this line"
      : "\(fileName): removed lines \(lines.map(String.init).joined(separator: ", "))"
  }

  // MARK: - Env file

  static func assignmentIndices(_ doc: TextDocument, key: String) -> [Int] {
    doc.lines.indices.filter { index in
      if case .assignment(let k, _) = EnvFile.classify(doc.lines[index]) { return k == key }
      return false
    }
  }

  /// Replaces the last `KEY=` line in place (keeping its line ending), else appends
  /// `KEY=VALUE` with the file's ending.
  static func setEnv(_ doc: TextDocument, key: String, value: String, fileName: String) -> EditResult {
    let entry = Array("\(key)=\(value)".utf8)
    var lines = doc.lines
    var notes: [String] = []
    if let last = assignmentIndices(doc, key: key).last {
      let old = lines[last]
      lines[last] = Line(body: old.isCRLF ? entry + [0x0D] : entry, hasNewline: old.hasNewline)
      let result = TextDocument(lines: lines)
      if result.bytes == doc.bytes {
        return EditResult(
          document: doc, notes: ["\(fileName):\(last + 1): \(key) already has this value; nothing to change"],
          isNoOp: true)
      }
      return EditResult(document: result, notes: notes)
    }
    let ending = doc.lineEnding
    if let last = lines.last, !last.hasNewline {
      lines[lines.count - 1] = terminated(last, ending: ending)
      notes.append("\(fileName):\(lines.count): the last line had no final newline; added one before appending")
    }
    lines.append(Line(body: ending == .crlf ? entry + [0x0D] : entry, hasNewline: true))
    return EditResult(document: TextDocument(lines: lines), notes: notes)
  }

  static func unsetEnv(_ doc: TextDocument, key: String, fileName: String) throws(EditError) -> EditResult {
    let indices = Set(assignmentIndices(doc, key: key))
    guard !indices.isEmpty else {
      throw .nothingToRemove(file: fileName, what: "\(key) is not assigned")
    }
    let lines = doc.lines.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
    return EditResult(
      document: TextDocument(lines: lines), notes: [removalNote(fileName, indices.sorted().map { $0 + 1 })])
  }
}
