/// One key the admin pressed, already translated from terminal codes.
///
/// The terminal layer (`KeyMap`) turns curses codes into these values, so the reducer and
/// its tests never see a C constant.
public enum Key: Hashable, Sendable {
  /// A printable character, including space.
  case character(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  /// Ctrl plus a letter, lowercase (`.control("r")` for Ctrl-R).
  case control(Character)
  case function(Int)
}
