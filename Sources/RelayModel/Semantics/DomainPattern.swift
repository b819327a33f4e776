/// A domain name used as a `grep` regular expression, as DMS's scripts do (spec §3 step 4).
///
/// DMS interpolates the domain straight into `grep "^@${DOMAIN}\b"` (v11–v13) or
/// `grep -E "^@${DOMAIN}\s+"` (v14+), so every `.` matches any character. Other regex
/// metacharacters cannot occur in a sane domain; they are matched literally and reported by
/// `hasOtherMetacharacters` so a diagnostic can say the preview may differ.
struct DomainPattern {
  enum Atom: Equatable {
    case literal(UInt8)
    case any
  }

  /// The atoms of `@` followed by the domain.
  let atoms: [Atom]
  let hasOtherMetacharacters: Bool

  init(domain: ArraySlice<UInt8>) {
    var atoms: [Atom] = [.literal(UInt8(ascii: "@"))]
    atoms.reserveCapacity(domain.count + 1)
    var other = false
    for byte in domain {
      if byte == UInt8(ascii: ".") {
        atoms.append(.any)
      } else {
        other = other || Self.isOtherMetacharacter(byte)
        atoms.append(.literal(byte))
      }
    }
    self.atoms = atoms
    self.hasOtherMetacharacters = other
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
