import RelayModel

/// Turns the codes `wget_wch` returns into `Key` values, so nothing past the terminal
/// layer sees a curses constant (TermKit keeps this in its driver too).
///
/// The `KEY_*` values are passed in by the `Runner` (which reads them through the shim),
/// keeping this type free of C and testable with any table.
struct KeyMap {
  /// `KEY_*` codes (those `wget_wch` flags with `KEY_CODE_YES`) to keys.
  var functionKeys: [Int32: Key]
  /// The code curses reports for a terminal resize.
  var resizeCode: Int32

  /// What a code means: a key, a resize, or nothing.
  enum Event: Hashable {
    case key(Key)
    case resize
  }

  func event(code: Int32, isFunction: Bool) -> Event? {
    if isFunction {
      if code == resizeCode { return .resize }
      return functionKeys[code].map(Event.key)
    }
    switch code {
    case 9: return .key(.tab)
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 8, 127: return .key(.backspace)
    case 1...26:
      return .key(.control(Character(Unicode.Scalar(UInt8(code) + 0x60))))
    case 0x20...0x7E, 0xA0...0x10FFFF:
      guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
      return .key(.character(Character(scalar)))
    default:
      return nil
    }
  }
}
