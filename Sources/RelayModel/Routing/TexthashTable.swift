/// A Postfix `texthash:` table, read the way Postfix reads it (spec §5 step 3).
///
/// - A line starting with whitespace continues the previous logical line, across blank and
///   comment lines in between.
/// - A line starting with whitespace where no logical line is open starts a logical line
///   Postfix drops with its own continuations: `readlline()` warns "logical line must not
///   start with whitespace" and ignores it (seen with `postmap -s texthash:` on Postfix 3.7,
///   spec §5). Since blank and comment lines do not close a logical line, that happens only
///   before the file's first entry line (the first line, or after only blanks and comments).
/// - Blank lines and lines whose first non-blank character is `#` are skipped.
/// - Key = first word, value = the rest with surrounding whitespace (a CRLF `\r` too) trimmed.
/// - A key without a value is ignored (Postfix warns).
/// - Keys are case-folded; a duplicate key (after folding) makes the whole table unusable:
///   every lookup fails, so every message that needs the table is deferred.
/// - A list of tables (`GeneratedTable.list`) is read as Postfix's `maps_find` reads it:
///   for each key the members in order, the first that has it wins. A key an earlier member
///   has is not a duplicate; the later line is never read (`shadowedLines`).
public struct TexthashTable: Sendable {
  public struct Entry: Sendable, Hashable {
    /// The key as written, kept as the line's bytes: 100,000 entries, few of whose keys
    /// are ever needed as Strings.
    var keyBytes: ArraySlice<UInt8>
    public var key: String { Bytes.string(keyBytes) }
    public var value: String
    /// The generated-table line (0-based) the logical line starts at.
    public var lineIndex: Int
    /// Lines (0-based) folded into this one as continuation lines.
    public var continuationLines: [Int]
    /// Which of the table's `distinctValues` this entry's value is.
    var valueID: Int
    /// The key has no ASCII capital: it is spelled as its folded form.
    var keyIsFolded: Bool
  }

  /// The entries in table order (the first of any duplicate key only).
  public private(set) var entries: [Entry] = []
  /// Keys seen more than once after case folding, with the lines involved.
  public private(set) var duplicateKeys: [String: [Int]] = [:]
  /// Lines of a later member of a list whose key an earlier member has: never read.
  public private(set) var shadowedLines: [Int] = []
  /// Lines whose key has no value (ignored by Postfix).
  public private(set) var keysWithoutValue: [(key: String, lineIndex: Int)] = []
  /// The whitespace-led lines (0-based) before the first entry line (of each member of a
  /// list): one logical line that Postfix drops, because it starts with whitespace where no
  /// logical line is open.
  public private(set) var droppedLines: [Int] = []
  /// Each value once, in first-seen order: 50,000 entries usually name a few relays, so
  /// what is derived from a value (its parsed next hops) is derived once per value.
  private(set) var distinctValues: [String] = []
  /// Folded keys → position in `entries` (the ID is the position).
  private var keyIndex: ByteKeyIndex
  private var valueIndex = ByteKeyIndex(foldsCase: false)

  public var isUsable: Bool { duplicateKeys.isEmpty }

  /// `segmentStarts`: where each member of a list of tables after the first starts.
  public init(lines: [[UInt8]], segmentStarts: [Int] = []) {
    keyIndex = ByteKeyIndex(foldsCase: true, capacity: lines.count)
    entries.reserveCapacity(lines.count)
    // Logical lines: a line that starts with whitespace continues the one before it. Only
    // such a continuation costs a copy; every other logical line is its physical line.
    var pending: (text: [UInt8], start: Int, continuations: [Int])?
    var nextSegment = segmentStarts.makeIterator()
    var segmentStart = 0
    var upcoming = nextSegment.next()
    for (index, line) in lines.enumerated() {
      if index == upcoming {
        // A new file: no logical line is open in it.
        if let logical = pending {
          add(logical.text, start: logical.start, continuations: logical.continuations, segmentStart: segmentStart)
        }
        pending = nil
        segmentStart = index
        upcoming = nextSegment.next()
      }
      if Bytes.isBlank(line) || Bytes.isComment(line) { continue }
      if let first = line.first, Bytes.isSpace(first) {
        if pending != nil {
          pending!.text.append(contentsOf: line)
          pending!.continuations.append(index)
        } else {
          droppedLines.append(index)
        }
        continue
      }
      if let logical = pending {
        add(logical.text, start: logical.start, continuations: logical.continuations, segmentStart: segmentStart)
      }
      pending = (line, index, [])
    }
    if let logical = pending {
      add(logical.text, start: logical.start, continuations: logical.continuations, segmentStart: segmentStart)
    }
  }

  public init(_ table: GeneratedTable) {
    self.init(lines: table.lines, segmentStarts: table.segmentStarts)
  }

  /// Adds one logical line: `KEY whitespace VALUE`, as `KeyValueLine` splits it.
  private mutating func add(_ text: [UInt8], start: Int, continuations: [Int], segmentStart: Int) {
    let keyStart = Bytes.firstNonSpace(text)
    let keyEnd = Bytes.firstSpace(text, from: keyStart)
    let value = Bytes.trimmed(text[keyEnd...])
    let key = text[keyStart..<keyEnd]
    if value.isEmpty {
      keysWithoutValue.append((Bytes.string(key), start))
      return
    }
    let (id, inserted) = keyIndex.insert(key)
    guard inserted else {
      if entries[id].lineIndex < segmentStart {
        shadowedLines.append(start)
        return
      }
      let folded = Bytes.string(keyIndex.key(id))
      duplicateKeys[folded, default: [entries[id].lineIndex]].append(start)
      return
    }
    let (valueID, newValue) = valueIndex.insert(value)
    if newValue { distinctValues.append(Bytes.string(value)) }
    entries.append(
      Entry(
        keyBytes: key, value: distinctValues[valueID], lineIndex: start,
        continuationLines: continuations, valueID: valueID,
        keyIsFolded: !key.contains(where: { $0 >= 0x41 && $0 <= 0x5A })))
  }

  /// The entry for `key` (folded), or nil. Callers check `isUsable` first.
  public func lookup(_ key: String) -> Entry? {
    keyIndex.id(of: key).map { entries[$0] }
  }

  /// The position in `entries` of the entry for `key` (folded), or nil.
  func position(of key: some StringProtocol) -> Int? {
    keyIndex.id(of: key.utf8)
  }

  func position(of key: [UInt8]) -> Int? {
    keyIndex.id(of: key)
  }

  /// `position(of:)` of each key, or -1 (a block at a time: `ByteKeyIndex.ids`).
  func positions(of keys: ArraySlice<String>) -> [Int32] {
    keyIndex.ids(of: keys)
  }

  /// Which of `distinctValues` equals `value`, or nil when no entry has it.
  func valueID(of value: String) -> Int? {
    valueIndex.id(of: value)
  }
}
