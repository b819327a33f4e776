/// Makes text safe to print on one terminal line (issue 11 §12).
///
/// Messages echo what the admin typed and what files hold. Printed raw, a domain with a
/// newline prints a second, fake line, a `\r` rewrites the start of the line and an escape
/// sequence can recolour or clear the screen. Control characters (C0 but tab, DEL, C1), line
/// and paragraph separators and bidirectional overrides are shown as `\n`, `\r`, `\x1b`,
/// `\u{202E}`; everything else is left as is.
public enum ControlEscaping {
  /// `text` with every control character escaped (a message is one line).
  public static func line(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) {
        out.append(contentsOf: escaped(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Bytes of a line from a file, shown the same way (invalid UTF-8 shown as U+FFFD).
  public static func line(_ bytes: [UInt8]) -> String { line(String(decoding: bytes, as: UTF8.self)) }

  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  static func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    default:
      let hex = String(scalar.value, radix: 16)
      return scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex.uppercased())}"
    }
  }
}
