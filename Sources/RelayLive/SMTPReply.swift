/// One SMTP reply: a three-digit code and its text lines (`250-first`, `250 last`).
public struct SMTPReply: Sendable, Hashable {
  public var code: Int
  /// Each line without its code and separator.
  public var lines: [String]

  public init(code: Int, lines: [String]) {
    self.code = code
    self.lines = lines
  }

  public var isPositive: Bool { code >= 200 && code < 400 }
  /// The text of all lines joined with a space (for explanations).
  public var text: String { lines.joined(separator: " ") }
  /// The reply as the server sent it, lines joined with a newline.
  public var wire: String {
    lines.enumerated().map { index, line in
      "\(code)\(index == lines.count - 1 ? " " : "-")\(line)"
    }.joined(separator: "\n")
  }

  /// The parts of one reply line: code, whether more lines follow, text; nil when the line
  /// is not `DDD`, `DDD text` or `DDD-text`.
  static func parseLine(_ line: String) -> (code: Int, continues: Bool, text: String)? {
    let bytes = Array(line.utf8.prefix(4))
    guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let code = Int(bytes[0] - 0x30) * 100 + Int(bytes[1] - 0x30) * 10 + Int(bytes[2] - 0x30)
    guard bytes.count == 4 else { return (code, false, "") }
    guard bytes[3] == UInt8(ascii: "-") || bytes[3] == UInt8(ascii: " ") else { return nil }
    return (code, bytes[3] == UInt8(ascii: "-"), String(line.dropFirst(4)))
  }

  /// The mechanisms of an EHLO reply's `AUTH` (or old `AUTH=`) lines, upper-cased.
  public var authMechanisms: [String]? {
    var found: [String]?
    for line in lines {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "=" })
      guard let first = words.first, first.uppercased() == "AUTH" else { continue }
      found = (found ?? []) + words.dropFirst().map { $0.uppercased() }
    }
    return found
  }

  /// Whether an EHLO reply lists `keyword` (e.g. `STARTTLS`).
  public func offers(_ keyword: String) -> Bool {
    lines.dropFirst().contains { $0.split(separator: " ").first?.uppercased() == keyword }
  }
}
