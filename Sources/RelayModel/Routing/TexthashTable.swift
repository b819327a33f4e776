/// A Postfix `texthash:` table, read the way Postfix reads it (spec §5 step 3).
///
/// - A line starting with whitespace continues the previous logical line.
/// - Blank lines and lines whose first non-blank character is `#` are skipped.
/// - Key = first word, value = the rest with surrounding whitespace (a CRLF `\r` too) trimmed.
/// - A key without a value is ignored (Postfix warns).
/// - Keys are case-folded; a duplicate key (after folding) makes the whole table unusable:
///   every lookup fails, so every message that needs the table is deferred.
public struct TexthashTable: Sendable {
  public struct Entry: Sendable, Hashable {
    public var key: String
    public var value: String
    /// The generated-table line (0-based) the logical line starts at.
    public var lineIndex: Int
    /// Lines (0-based) folded into this one as continuation lines.
    public var continuationLines: [Int]
  }

  public private(set) var entries: [String: Entry] = [:]
  /// Keys seen more than once after case folding, with the lines involved.
  public private(set) var duplicateKeys: [String: [Int]] = [:]
  /// Lines whose key has no value (ignored by Postfix).
  public private(set) var keysWithoutValue: [(key: String, lineIndex: Int)] = []

  public var isUsable: Bool { duplicateKeys.isEmpty }

  public init(lines: [[UInt8]]) {
    // Logical lines: a line that starts with whitespace continues the one before it.
    var logical: [(text: [UInt8], start: Int, continuations: [Int])] = []
    logical.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      if Bytes.isBlank(line) || Bytes.isComment(line) { continue }
      if let first = line.first, Bytes.isSpace(first), !logical.isEmpty {
        logical[logical.count - 1].text.append(contentsOf: line)
        logical[logical.count - 1].continuations.append(index)
      } else {
        logical.append((line, index, []))
      }
    }
    entries.reserveCapacity(logical.count)
    for item in logical {
      let fields = KeyValueLine(item.text)
      let key = Self.fold(fields.key)
      if fields.value.isEmpty {
        keysWithoutValue.append((fields.key, item.start))
        continue
      }
      if let existing = entries[key] {
        duplicateKeys[key, default: [existing.lineIndex]].append(item.start)
        continue
      }
      entries[key] = Entry(
        key: fields.key, value: fields.value, lineIndex: item.start,
        continuationLines: item.continuations)
    }
  }

  public init(_ table: GeneratedTable) {
    self.init(lines: table.lines)
  }

  /// The entry for `key` (folded), or nil. Callers check `isUsable` first.
  public func lookup(_ key: String) -> Entry? {
    entries[Self.fold(key)]
  }

  /// ASCII case folding as Postfix applies to table keys (no copy when already lowercase).
  static func fold(_ key: String) -> String {
    guard key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return key }
    return String(decoding: key.utf8.map(Bytes.lower), as: UTF8.self)
  }
}
