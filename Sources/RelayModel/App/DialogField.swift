/// One input of a dialog or a wizard step: a text field or a toggle, with the reason it is
/// invalid.
///
/// A pre-filled value (a default port, a provider's fixed user name) is *pristine*: the
/// first key typed replaces it, so the admin never has to delete a suggestion first.
public struct DialogField: Hashable, Sendable {
  public enum Name: Hashable, Sendable {
    case domain, host, port, optOut, user, password, revealPassword, address
    /// The Amazon SES region (wizard).
    case region
    /// A relay environment variable (`RELAY_HOST` …).
    case env(String)
  }

  public var name: Name
  public var label: String
  public var text: String
  /// For toggles (`[x]`): typing does nothing, Space flips it.
  public var isToggle: Bool
  public var isOn: Bool
  /// Drawn as `•` unless the dialog's reveal toggle is on.
  public var isSecret: Bool
  /// Shown but not editable (the domain of an entry being edited).
  public var isLocked: Bool
  /// Skipped and not validated (host and port of an opt-out).
  public var isDisabled: Bool
  /// Grey text after the field: a default, or where the value will be written.
  public var hint: String?
  /// Why the current text is invalid; nil when it is fine.
  public var problem: String?
  /// True once the admin typed here or tried to submit; problems show only then, so a
  /// fresh dialog is not a wall of "is empty".
  public var isTouched: Bool
  /// A pre-filled value the admin has not typed over yet: the first key replaces it.
  public var isPristine: Bool

  public init(
    _ name: Name, label: String, text: String = "", isToggle: Bool = false, isOn: Bool = false,
    isSecret: Bool = false, isLocked: Bool = false, hint: String? = nil
  ) {
    self.name = name
    self.label = label
    self.text = text
    self.isToggle = isToggle
    self.isOn = isOn
    self.isSecret = isSecret
    self.isLocked = isLocked
    self.isDisabled = false
    self.hint = hint
    self.problem = nil
    self.isTouched = false
    self.isPristine = !text.isEmpty
  }

  /// Whether Tab stops here.
  public var isFocusable: Bool { !isLocked && !isDisabled }

  /// The problem to show next to the field now.
  public var visibleProblem: String? { isTouched || !text.isEmpty ? problem : nil }

  /// Replaces the text with a suggestion, unless the admin typed here already.
  mutating func suggest(_ text: String) {
    guard !isTouched else { return }
    self.text = text
    isPristine = !text.isEmpty
  }

  /// Applies one typed key; returns false when the key is not for the field.
  mutating func type(_ key: Key) -> Bool {
    guard isFocusable else { return false }
    if isToggle {
      guard key == .character(" ") else { return false }
      isOn.toggle()
      isTouched = true
      return true
    }
    guard TextEditing.apply(key, to: &text, isPristine: &isPristine) else { return false }
    isTouched = true
    return true
  }
}
