internal import CNcurses
import RelayModel

/// The terminal as a `Surface`: draws on curses' `stdscr`. With `Grid` the only surface;
/// with `Runner` the only code that sees ncurses.
struct CursesSurface: Surface {
  /// Colours, or bold/reverse/underline only (no colour support, or `NO_COLOR` set).
  enum ColorMode: Hashable { case color, monochrome }

  let size: Size
  let attributes: [Style: Int32]
  /// Replace non-ASCII characters (the locale is not UTF-8).
  let asciiOnly: Bool

  init(size: Size, attributes: [Style: Int32], asciiOnly: Bool) {
    self.size = size
    self.attributes = attributes
    self.asciiOnly = asciiOnly
  }

  mutating func put(_ text: String, at point: Point, style: Style) {
    guard point.row >= 0, point.row < size.rows, point.column < size.columns else { return }
    var text = asciiOnly ? Glyphs.asciiOnly(text) : text
    var column = point.column
    while column < 0, let first = text.first {
      column += CellWidth.of(first)
      text.removeFirst()
    }
    let visible = CellWidth.prefix(text, fitting: size.columns - column)
    guard !visible.isEmpty else { return }
    visible.withCString { dr_put(Int32(point.row), Int32(column), $0, attributes[style] ?? 0) }
  }

  /// Sets up colour pairs for `mode`; returns the curses attributes of every style.
  static func attributes(for mode: ColorMode) -> [Style: Int32] {
    let bold = dr_attr_bold(), reverse = dr_attr_reverse(), underline = dr_attr_underline(), dim = dr_attr_dim()
    guard mode == .color else {
      return [
        .normal: 0, .dim: dim, .bold: bold, .title: reverse | bold, .tabActive: reverse | bold,
        .tabInactive: 0, .header: bold | underline, .selected: reverse, .error: bold, .warning: bold,
        .ok: 0, .info: 0, .banner: reverse | bold, .bannerFix: bold, .keyLabel: reverse, .keyText: 0,
        .border: 0, .field: underline, .fieldFocused: reverse | underline, .added: bold, .removed: dim,
        .hunk: underline, .changed: bold | underline,
      ]
    }
    _ = dr_start_color()
    _ = dr_use_default_colors()
    var next: Int32 = 1
    func pair(_ fg: Int32, _ bg: Int32) -> Int32 {
      _ = dr_init_pair(next, fg, bg)
      defer { next += 1 }
      return dr_color_pair(next)
    }
    let black = dr_color_black(), red = dr_color_red(), green = dr_color_green(), yellow = dr_color_yellow()
    let blue = dr_color_blue(), cyan = dr_color_cyan(), white = dr_color_white()
    let cyanOnDefault = pair(cyan, -1)
    let blackOnCyan = pair(black, cyan)
    return [
      .normal: 0, .dim: dim, .bold: bold,
      .title: pair(white, blue) | bold,
      .tabActive: pair(black, white) | bold,
      .tabInactive: cyanOnDefault,
      .header: cyanOnDefault | bold,
      .selected: blackOnCyan,
      .error: pair(red, -1) | bold,
      .warning: pair(yellow, -1) | bold,
      .ok: pair(green, -1),
      .info: cyanOnDefault,
      .banner: pair(white, red) | bold,
      .bannerFix: pair(black, yellow),
      .keyLabel: blackOnCyan | bold,
      .keyText: 0,
      .border: cyanOnDefault,
      .field: pair(black, white),
      .fieldFocused: blackOnCyan | underline,
      .added: pair(green, -1),
      .removed: pair(red, -1),
      .hunk: cyanOnDefault,
      .changed: pair(black, yellow) | bold,
    ]
  }
}
