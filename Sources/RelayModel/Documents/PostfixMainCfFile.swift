/// `postfix-main.cf`: `main.cf` lines DMS appends to `/etc/postfix/main.cf` after the relay
/// setup at every container start, then rewrites `main.cf` with `postconf -n` (spec §8).
///
/// Read the way Postfix's `main.cf` reader does: blank lines and lines whose first
/// non-blank byte is `#` are skipped, a line that starts with whitespace continues the
/// logical line before it, and each logical line is `name = value` (the value trimmed);
/// the last assignment of a name wins.
public struct PostfixMainCfFile: Hashable, Sendable {
  public static let fileName = "postfix-main.cf"

  /// One `name = value` logical line.
  public struct Assignment: Hashable, Sendable {
    public var key: String
    public var value: String
    /// 1-based line the logical line starts on.
    public var line: Int
  }

  /// A logical line `postconf` rejects as fatal, so DMS's `postconf -n` prints nothing.
  public struct Problem: Hashable, Sendable {
    public var line: Int
    /// The logical line as written (at most 60 characters, for messages).
    public var text: String
    /// Postfix's own words (`missing '=' after attribute name`).
    public var reason: String
  }

  public var document: TextDocument
  public private(set) var assignments: [Assignment] = []
  /// Fatal lines, in order (the first is the one `postconf` reports).
  public private(set) var problems: [Problem] = []
  /// The first line starts with whitespace: appended to `main.cf`, it continues DMS's own
  /// last `main.cf` line instead of starting a setting (1-based line, or nil).
  public private(set) var leadingContinuation: Int?

  public init(document: TextDocument = TextDocument()) {
    self.document = document
    parse()
  }

  public init(bytes: [UInt8]) { self.init(document: TextDocument(bytes: bytes)) }
  public init(text: String) { self.init(bytes: Array(text.utf8)) }

  /// The last value assigned to `key`, or nil.
  public func value(_ key: String) -> Assignment? { assignments.last { $0.key == key } }

  private mutating func parse() {
    var logical: (line: Int, bytes: [UInt8])?
    for (index, line) in document.lines.enumerated() {
      let body = line.body
      if Bytes.isBlank(body) || Bytes.isComment(body) { continue }
      if Bytes.isSpace(body[0]) {
        if logical != nil {
          logical!.bytes += body
        } else if assignments.isEmpty, problems.isEmpty, leadingContinuation == nil {
          leadingContinuation = index + 1
        }
        continue
      }
      if let open = logical { finish(open.bytes, line: open.line) }
      logical = (index + 1, body)
    }
    if let open = logical { finish(open.bytes, line: open.line) }
  }

  /// Splits one logical line as Postfix's `split_nameval` does.
  private mutating func finish(_ bytes: [UInt8], line: Int) {
    let nameEnd = bytes.firstIndex { $0 == UInt8(ascii: "=") || Bytes.isSpace($0) } ?? bytes.count
    let afterName = Bytes.firstNonSpace(bytes, from: nameEnd)
    let shown = String(Bytes.string(Bytes.trimmed(bytes[...])).prefix(60))
    guard nameEnd > 0 else {
      problems.append(Problem(line: line, text: shown, reason: "missing attribute name"))
      return
    }
    guard afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") else {
      problems.append(Problem(line: line, text: shown, reason: "missing '=' after attribute name"))
      return
    }
    let key = Bytes.string(bytes[..<nameEnd])
    let value = Bytes.string(Bytes.trimmed(bytes[(afterName + 1)...]))
    assignments.append(Assignment(key: key, value: value, line: line))
  }
}
