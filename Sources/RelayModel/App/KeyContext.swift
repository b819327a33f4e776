/// Where the keys go right now: the screen or mode the state is in. `AppState.keyContext`
/// and `WizardState.keyContext` compute it; a `KeyScope` says which contexts a binding
/// applies to.
public enum KeyContext: Hashable, Sendable {
  /// Browsing a screen, nothing open over it.
  case browse(Tab)
  case dialog
  /// A yes/no question of the UI (write, delete, quit).
  case confirm
  /// Typing a filter after `/`.
  case filter
  /// The diagnostics list (`i`).
  case diagnostics
  /// Help or a notice: any key closes it.
  case closable
  /// The files are being written.
  case writing
  /// Live relay checks are under way (Esc cancels).
  case checking
  /// A domain's messages from the mail log (Enter on Observed).
  case messages
  /// A wizard step; `inField` when a text field has the focus (then letters are typed).
  case wizard(WizardStep, inField: Bool)
  /// A yes/no question of the wizard (leave, write).
  case wizardPrompt
}
