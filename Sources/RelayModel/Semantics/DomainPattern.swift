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
