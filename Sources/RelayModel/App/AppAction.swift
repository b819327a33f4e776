/// Something that happened, sent to `AppReducer.reduce(into:action:)`. Actions say what happened,
/// not what to do (style guide): the runner reports keys, resizes and effect results.
public enum AppAction: Equatable, Sendable {
  case keyPressed(Key)
  case resized(Size)
  /// The result of performing `AppEffect.write`.
  case writeFinished(Result<[FileStore.Receipt], WriteError>)
  /// The configuration read again after `AppEffect.reload`.
  case reloaded(LoadedConfiguration)
  /// What the files of `AppEffect.readSecretFiles` hold, by container path.
  case secretFilesRead([String: FileSecret.Content])
  /// The mouse clicked the list row `offset` rows below the list's first visible row.
  case clickedRow(Int)
  /// An action of the setup wizard (the child feature), or its delegate action.
  case wizard(WizardAction)
  /// Check `run`'s sender `index` began a step (`AppEffect.check`).
  case checkStepStarted(run: Int, index: Int, CheckStepName)
  /// Check `run`'s sender `index` ended, at local time `at` (`HH:MM:SS`).
  case checkFinished(run: Int, index: Int, CheckResult, at: String)
  /// The mail log as read so far (`AppEffect.readMailLog`, and again after each poll while
  /// following), or why it cannot be read.
  case mailLogRead(Result<ObservedLog, MailLogProblem>)
}
