/// Something that happened, sent to `AppReducer.reduce(into:action:)`. Actions say what happened,
/// not what to do (style guide): the runner reports keys, resizes and effect results.
public enum AppAction: Equatable, Sendable {
  case keyPressed(Key)
  case resized(Size)
  /// The result of performing `AppEffect.write`.
  case writeFinished(Result<[FileStore.Receipt], WriteError>)
  /// The configuration read again after `AppEffect.reload`.
  case reloaded(LoadedConfiguration)
  /// The mouse clicked the list row `offset` rows below the list's first visible row.
  case clickedRow(Int)
  /// An action of the setup wizard (the child feature), or its delegate action.
  case wizard(WizardAction)
}
