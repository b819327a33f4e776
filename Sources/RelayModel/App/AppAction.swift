/// Something that happened, sent to `reduce(into:action:)`. Actions say what happened,
/// not what to do (style guide): the runner reports keys, resizes and effect results.
public enum AppAction: Hashable, Sendable {
  case keyPressed(Key)
  case resized(Size)
  /// The result of performing `AppEffect.write`.
  case writeFinished(Result<[FileStore.Receipt], WriteError>)
}
