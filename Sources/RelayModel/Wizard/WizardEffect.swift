/// Work the wizard's reducer asks its runner to do, as data so tests can compare it.
public enum WizardEffect: Hashable, Sendable {
  /// Write the plan with `FileStore`; the runner answers with `.writeFinished`.
  case write(WritePlan)
  /// Restore the terminal and leave the wizard.
  case finish(WizardOutcome)
}

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

/// Something that happened, sent to `reduce(into:action:)`.
public enum WizardAction: Hashable, Sendable {
  case keyPressed(Key)
  case resized(Size)
  /// The result of performing `WizardEffect.write`.
  case writeFinished(Result<[FileStore.Receipt], WriteError>)
}
