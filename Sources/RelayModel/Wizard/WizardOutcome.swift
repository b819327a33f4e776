/// How the wizard ended, for the command that started it.
public enum WizardOutcome: Hashable, Sendable {
  /// The offer on first start was declined.
  case declined
  /// Esc, confirmed: nothing was written.
  case abandoned
  /// The configuration already routes mail as asked: nothing needed writing.
  case unchanged
  case written([FileStore.Receipt], nextSteps: [String])
}
