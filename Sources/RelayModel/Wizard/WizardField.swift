/// One text input of the wizard (region, host, port, user name, password).
///
/// A pre-filled value (the provider's port or fixed user name) is *pristine*: the first
/// key typed replaces it, so the admin never has to delete a suggestion first.
public struct WizardField: Hashable, Sendable {
  public var label: String
  public var text: String
  /// Drawn as `•` unless the password is revealed (Ctrl-R).
  public var isSecret: Bool
  public internal(set) var isPristine: Bool
  /// True once the admin typed here; a fresh field does not show "is empty".
  public internal(set) var isTouched: Bool

  public init(_ label: String, text: String = "", isSecret: Bool = false) {
    self.label = label
    self.text = text
    self.isSecret = isSecret
    self.isPristine = !text.isEmpty
    self.isTouched = false
  }

  /// Replaces the text with a suggestion, unless the admin typed here already.
  mutating func suggest(_ text: String) {
    guard !isTouched else { return }
    self.text = text
    isPristine = !text.isEmpty
  }

  /// Applies one typed key; returns false when the key is not for a text field.
  mutating func type(_ key: Key) -> Bool {
    guard TextEditing.apply(key, to: &text, isPristine: &isPristine) else { return false }
    isTouched = true
    return true
  }
}
