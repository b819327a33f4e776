/// Work the wizard's reducer asks for, as data so tests can compare it. The app's reducer
/// turns `.write` into `AppEffect.write` and `.finish` into the delegate action.
public enum WizardEffect: Hashable, Sendable {
  /// Write the plan with `FileStore`; the runner answers with `.writeFinished`.
  case write(WritePlan)
  /// The wizard is over; the parent hears it as `.delegate(.finished(outcome))`.
  case finish(WizardOutcome)
}
