/// The contexts a binding applies to.
public enum KeyScope: Hashable, Sendable {
  case browse(Set<Tab>)
  case dialog, confirm, filter, diagnostics, closable, writing, checking, messages
  /// Steps of the wizard; `inField` nil applies with or without a focused text field.
  case wizard(Set<WizardStep>, inField: Bool?)
  case wizardPrompt
  /// Every context: the UI's, the wizard's, with or without a field (Ctrl-L).
  case everywhere

  /// Every browse screen.
  public static let browsing = KeyScope.browse(Set(Tab.allCases))

  public func contains(_ context: KeyContext) -> Bool {
    switch (self, context) {
    case (.everywhere, _): return true
    case (.browse(let tabs), .browse(let tab)): return tabs.contains(tab)
    case (.dialog, .dialog), (.confirm, .confirm), (.filter, .filter), (.diagnostics, .diagnostics),
      (.closable, .closable), (.writing, .writing), (.checking, .checking), (.messages, .messages),
      (.wizardPrompt, .wizardPrompt):
      return true
    case (.wizard(let steps, let inField), .wizard(let step, let focused)):
      return steps.contains(step) && (inField == nil || inField == focused)
    default: return false
    }
  }

  /// True for the UI's browse screens and dialogs: the keys the help overlay (`?`) lists.
  public var isListedInHelp: Bool {
    switch self {
    case .browse, .dialog, .everywhere: return true
    default: return false
    }
  }
}
