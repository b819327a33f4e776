/// ASCII stand-ins for the non-ASCII characters the screens draw, for terminals whose
/// locale is not UTF-8 (issue 5: "ASCII line drawing when the locale is not UTF-8").
///
/// Every replacement is one cell, like the original, so layouts stay aligned.
enum Glyphs {
  static let ascii: [Character: Character] = [
    "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+",
    "━": "=", "═": "=", "▏": "|", "█": "#", "░": ".", "▌": "|",
    "•": "*", "●": "*", "·": ".", "…": "~", "—": "-", "–": "-", "−": "-",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "▸": ">", "▶": ">", "⇄": "=",
    "✖": "X", "✔": "+", "▲": "!", "ℹ": "i", "≠": "#", "␍": "~", "◆": "*",
    "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#",
  ]

  /// `text` with every non-ASCII character replaced (unknown ones by `?`).
  static func asciiOnly(_ text: String) -> String {
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
    var out = ""
    for character in text {
      if character.isASCII {
        out.append(character)
      } else if let replacement = ascii[character] {
        out.append(replacement)
      } else {
        out.append(String(repeating: "?", count: max(CellWidth.of(character), 1)))
      }
    }
    return out
  }
}
