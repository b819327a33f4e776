/// The text of the Routing screen's banner: a setup-wide failure and its fix, wrapped to
/// the terminal width and cut to the rows available.
public enum Banner {
  /// Columns the screen reserves around the text (icon and margins).
  public static let margin = 4

  public static func lines(for diagnostic: Diagnostic, width: Int, limit: Int) -> [String] {
    let width = max(width - margin, 10)
    let message = TextWrap.lines(diagnostic.message, width: width)
    let fix = TextWrap.lines("Fix: " + diagnostic.fix, width: width)
    guard message.count + fix.count > limit else { return message + fix }
    let fixRows = min(fix.count, max(1, limit / 2))
    let messageRows = max(limit - fixRows, 1)
    return TextWrap.lines(diagnostic.message, width: width, limit: messageRows)
      + TextWrap.lines("Fix: " + diagnostic.fix, width: width, limit: fixRows)
  }

  /// How many of `lines` are the message (the rest is the fix).
  public static func messageRowCount(_ lines: [String]) -> Int {
    lines.firstIndex { $0.hasPrefix("Fix: ") } ?? lines.count
  }
}
