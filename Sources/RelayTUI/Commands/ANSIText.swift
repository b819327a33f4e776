import RelayModel

/// Styled report text as a terminal shows it: ANSI colour when `color` (a terminal without
/// `NO_COLOR`, see `shouldColor()`), plain text otherwise. The only place the CLI's escape
/// codes live; the model only says what a span is.
enum ANSIText {
  static func render(_ text: StyledText, color: Bool) -> String {
    guard color else { return text.plain }
    var out = ""
    for span in text.spans {
      if let code = code(span.style) {
        out += "\u{1B}[\(code)m\(span.text)\u{1B}[0m"
      } else {
        out += span.text
      }
    }
    return out
  }

  /// The SGR parameters of a style, or nil for plain text.
  static func code(_ style: TextStyle) -> String? {
    switch style {
    case .plain: return nil
    case .bold: return "1"
    case .dim: return "2"
    case .outcome(.relayed): return "32"
    case .outcome(.direct): return "36"
    case .outcome(.deferred), .outcome(.bounced), .outcome(.error): return "31;1"
    case .severity(.error): return "31;1"
    case .severity(.warning): return "33;1"
    case .severity(.info): return "34"
    }
  }
}
