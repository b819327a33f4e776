/// A domain name used as a `grep` regular expression, as DMS's scripts do (spec §3 step 4).
///
/// DMS interpolates the domain straight into `grep "^@${DOMAIN}\b"` (v11–v13) or
/// `grep -E "^@${DOMAIN}\s+"` (v14+), so every `.` matches any character. Other regex
/// metacharacters cannot occur in a sane domain; they are matched literally, and the relay
/// map checks say the preview may differ when a domain has one.
///
/// A view of the domain's bytes: the generator asks 100,000 of these, so none allocates.
struct DomainPattern {
  /// The domain; the pattern is `@` followed by it.
  let domain: ArraySlice<UInt8>

  init(domain: ArraySlice<UInt8>) {
    self.domain = domain
  }

  /// The bytes a match spans: `@` and the domain.
  var count: Int { domain.count + 1 }

  /// The byte position `i` must be, or nil where any byte matches (a `.` of the domain).
  func literal(at i: Int) -> UInt8? {
    if i == 0 { return UInt8(ascii: "@") }
    let byte = domain[domain.startIndex + i - 1]
    return byte == UInt8(ascii: ".") ? nil : byte
  }

  /// Whether one line starts with the pattern followed by `ending`: what the prefix index
  /// answers for many lines, for a single one (the checks that name the line at fault).
  func matches(_ line: ArraySlice<UInt8>, ending: LinePrefixIndex.Ending) -> Bool {
    guard line.count >= count else { return false }
    for i in 0..<count {
      if let byte = literal(at: i), line[line.startIndex + i] != byte { return false }
    }
    let next: UInt8? = count < line.count ? line[line.startIndex + count] : nil
    switch ending {
    case .endOfLine: return next == nil
    case .whitespace: return next.map(Bytes.isSpace) ?? false
    case .wordBoundary:
      if Bytes.isWord(line[line.startIndex + count - 1]) { return next.map { !Bytes.isWord($0) } ?? true }
      return next.map(Bytes.isWord) ?? false
    }
  }

  /// A regular-expression character other than `.`, which grep would interpret too.
  static func isOtherMetacharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"),
      UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "?"),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "|"):
      return true
    default:
      return false
    }
  }
}
