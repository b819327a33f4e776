internal import CNcurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A curses session as the `Runner` starts it:
/// the locale, the signal handlers that restore the terminal on Ctrl-C, SIGTERM or a crash,
/// curses itself, and the colour mode (`NO_COLOR` honoured, monochrome without colours).
struct TerminalSession {
  let attributes: [Style: Int32]
  /// Line drawing falls back to ASCII when the locale is not UTF-8.
  let asciiOnly: Bool

  /// Starts curses; pair with `stop()` (a `defer` right after the call).
  static func start() -> TerminalSession {
    _ = dr_set_locale()
    let asciiOnly = dr_is_utf8() == 0
    dr_install_signal_handlers()
    dr_start()
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    let mode: CursesSurface.ColorMode = !noColor && dr_has_colors() != 0 ? .color : .monochrome
    return TerminalSession(attributes: CursesSurface.attributes(for: mode), asciiOnly: asciiOnly)
  }

  /// Restores the terminal.
  func stop() { dr_stop() }
}
