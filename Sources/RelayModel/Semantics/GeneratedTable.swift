/// A table DMS writes under `/etc/postfix` (`relayhost_map`, `sasl_passwd`), byte for byte.
///
/// Lines are kept as DMS's shell pipelines produce them: a relay map copied from a file
/// without a final newline leaves its last line open, and DMS's next `echo >>` glues onto
/// it (spec §4) — `append` reproduces that.
public struct GeneratedTable: Hashable, Sendable {
  public private(set) var lines: [[UInt8]] = []
  /// The origin of each line; a glued line keeps the origin of its first part.
  public private(set) var origins: [LineOrigin] = []
  /// Lines whose text is two inputs glued together by a missing newline.
  public private(set) var gluedLines: Set<Int> = []
  /// True when the last line has no newline yet.
  public private(set) var isOpen = false
  /// Where each table after the first starts, when this is a list of tables read as one
  /// (`GeneratedTable.list`); empty for one table.
  public private(set) var segmentStarts: [Int] = []

  public init() {}

  /// An empty table with room for `expectedLines` lines.
  init(expectedLines: Int) {
    lines.reserveCapacity(expectedLines)
    origins.reserveCapacity(expectedLines)
  }

  /// Appends `body`; when the table's last line is open the text is glued onto it.
  /// Returns the index of the line the text ended up on.
  @discardableResult
  mutating func append(_ body: [UInt8], terminated: Bool, origin: LineOrigin) -> Int {
    if isOpen, !lines.isEmpty {
      lines[lines.count - 1].append(contentsOf: body)
      gluedLines.insert(lines.count - 1)
    } else {
      lines.append(body)
      origins.append(origin)
    }
    isOpen = !terminated
    return lines.count - 1
  }

  /// A Postfix list of tables (`texthash:/a, texthash:/b`) as one: each member's lines in
  /// order, each member starting a segment, so `TexthashTable` neither continues a logical
  /// line across files nor calls a key that two members have a duplicate.
  static func list(_ members: [GeneratedTable]) -> GeneratedTable {
    var out = GeneratedTable(expectedLines: members.reduce(0) { $0 + $1.lines.count })
    for member in members {
      // An empty member starts nothing: each start is recorded once, in order.
      if !out.lines.isEmpty, out.segmentStarts.last != out.lines.count { out.segmentStarts.append(out.lines.count) }
      let offset = out.lines.count
      out.lines += member.lines
      out.origins += member.origins
      out.gluedLines.formUnion(member.gluedLines.map { $0 + offset })
    }
    out.isOpen = members.last?.isOpen ?? false
    return out
  }

  /// The lines as text (a `\r` stays), as in the fixtures' JSON.
  public var textLines: [String] { lines.map { String(decoding: $0, as: UTF8.self) } }

  /// The file content DMS leaves on disk.
  public var bytes: [UInt8] {
    var out: [UInt8] = []
    for (i, line) in lines.enumerated() {
      out.append(contentsOf: line)
      if i < lines.count - 1 || !isOpen { out.append(0x0A) }
    }
    return out
  }
}
