/// How a text field (`DialogField`, in dialogs and the wizard) takes a key: typing over a
/// pristine (suggested) value replaces it, Backspace deletes, Ctrl-U clears.
enum TextEditing {
  /// Applies `key` to `text`; returns false when the key is not a text-editing key.
  static func apply(_ key: Key, to text: inout String, isPristine: inout Bool) -> Bool {
    switch key {
    case .character(let c):
      if isPristine { text = "" }
      text.append(c)
    case .backspace:
      if isPristine { text = "" } else if !text.isEmpty { text.removeLast() }
    case .control("u"):
      text = ""
    default:
      return false
    }
    isPristine = false
    return true
  }
}
