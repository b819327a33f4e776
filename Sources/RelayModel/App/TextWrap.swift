/// Word wrapping for the few multi-line texts the UI shows (banner, detail pane, dialogs).
///
/// It lives in the model because the reducer needs the same line counts as the screens to
/// know how many list rows fit under the Routing banner. Widths count characters; the texts
/// wrapped here are messages this tool writes, in which every character is one cell wide.
public enum TextWrap {
  /// `text` broken at spaces into lines of at most `width` characters; words longer than
  /// the width are cut. An empty text gives one empty line.
  public static func lines(_ text: String, width: Int) -> [String] {
    let width = max(width, 1)
    // Cut before wrapping: no pane shows more than `displayLimit` characters, and a
    // megabyte line from a config file must not be wrapped on every frame (issue 11 §14).
    let text = text.utf8.count > displayLimit ? String(text.prefix(displayLimit)) + "…" : text
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var word = Substring(word)
        // `dropFirst(width).isEmpty` rather than `count > width`: counting a 1 MB word on
        // every pass made wrapping quadratic (issue 11 §14).
        while !word.dropFirst(width).isEmpty {
          if !line.isEmpty {
            out.append(line)
            line = ""
          }
          out.append(String(word.prefix(width)))
          word = word.dropFirst(width)
        }
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          out.append(line)
          line = String(word)
        }
      }
      out.append(line)
    }
    return out
  }

  /// Characters of one text wrapped at most; longer texts are cut and end in `…`.
  public static let displayLimit = 8192

  /// Like `lines`, at most `limit` lines; a cut text ends in `…`.
  public static func lines(_ text: String, width: Int, limit: Int) -> [String] {
    var all = lines(text, width: width)
    guard all.count > limit, limit > 0 else { return all }
    all.removeSubrange(limit...)
    var last = all[limit - 1]
    if last.count >= width { last = String(last.prefix(max(width - 1, 0))) }
    all[limit - 1] = last + "…"
    return all
  }
}
