/// An open edit dialog: its fields, which one has focus, and why it cannot be saved yet.
///
/// Like TCA's `@Presents` destination it is optional state of `AppState`; the reducer
/// validates after every key (`RelayEdit.validate*`), so an invalid dialog can be seen
/// and cannot be submitted.
public struct Dialog: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// `@domain [host]:port` or an opt-out in `postfix-relaymap.cf`.
    case relayMapping
    /// `@domain user:password` in `postfix-sasl-password.cf`.
    case credentials
    /// The relay environment variables.
    case environment
    /// `t`: where would mail from this address go?
    case routeAddress
  }

  public var kind: Kind
  public var title: String
  public var fields: [DialogField]
  public var focus: Int
  /// Why the last submit failed (the edit did not apply), shown under the fields.
  public var error: String?
  /// True when the dialog changes an existing entry rather than adding one.
  public var isEditing: Bool
  /// Env values when the dialog opened, to write only what changed.
  public var originalValues: [String: String]
  /// Routes of the typed address (`routeAddress` only): selected and comparison version.
  public var routeResult: Route?
  public var comparisonRouteResult: Route?

  init(kind: Kind, title: String, fields: [DialogField], isEditing: Bool = false, originalValues: [String: String] = [:]) {
    self.kind = kind
    self.title = title
    self.fields = fields
    self.focus = fields.firstIndex(where: \.isFocusable) ?? 0
    self.error = nil
    self.isEditing = isEditing
    self.originalValues = originalValues
    validate()
  }

  public var isPasswordRevealed: Bool { field(.revealPassword)?.isOn ?? false }

  public func field(_ name: DialogField.Name) -> DialogField? { fields.first { $0.name == name } }

  func text(_ name: DialogField.Name) -> String { field(name)?.text ?? "" }

  public var isValid: Bool { fields.allSatisfy { $0.isDisabled || $0.problem == nil } }

  /// Moves the focus to the next (or previous) field Tab stops at.
  mutating func moveFocus(by step: Int) {
    guard !fields.isEmpty else { return }
    var index = focus
    for _ in fields.indices {
      index = (index + step + fields.count) % fields.count
      if fields[index].isFocusable {
        focus = index
        return
      }
    }
  }

  /// Marks every field touched and focuses the first invalid one (a refused submit).
  mutating func revealProblems() {
    for index in fields.indices { fields[index].isTouched = true }
    if let first = fields.firstIndex(where: { !$0.isDisabled && $0.problem != nil }) { focus = first }
  }
}
