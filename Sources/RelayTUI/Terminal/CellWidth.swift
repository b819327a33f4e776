/// How many terminal cells a character takes: 0 for combining marks, 2 for East Asian wide
/// and emoji, else 1.
///
/// Not `wcwidth(3)`, which depends on the process locale and so answers differently in
/// tests than in the terminal; these ranges are the common wide blocks of Unicode 15.
enum CellWidth {
  static func of(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    let v = scalar.value
    if v < 0x300 { return v < 0x20 || v == 0x7F ? 0 : 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
      || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    {
      return 2
    }
    return 1
  }

  /// Cells `text` takes, counted up to `measureLimit` (more than any terminal is wide):
  /// a megabyte line in a config file is measured in microseconds, not per frame in full
  /// (issue 11 §14); callers only compare the result with a column width.
  static func of(_ text: String) -> Int {
    var total = 0
    for character in text {
      total += of(character)
      if total > measureLimit { break }
    }
    return total
  }

  static let measureLimit = 1 << 12

  /// The longest prefix of `text` that fits in `width` cells.
  static func prefix(_ text: String, fitting width: Int) -> String {
    var used = 0
    var out = ""
    for character in text {
      let w = of(character)
      if used + w > width { break }
      used += w
      out.append(character)
    }
    return out
  }

  /// `text` cut to `width` cells with `…` when cut, or padded with spaces to `width`.
  static func fit(_ text: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    let w = of(text)
    if w <= width { return text + String(repeating: " ", count: width - w) }
    let cut = prefix(text, fitting: width - 1) + "…"
    return cut + String(repeating: " ", count: max(width - of(cut), 0))
  }
}
