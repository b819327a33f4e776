/// A fact about the state that decides whether a key shows on the key bar, or which label
/// it shows (`KeyBarEntry`). States answer through `KeyConditionState`.
public enum KeyCondition: Hashable, Sendable {
  case hasPendingChanges
  case filterIsActive
  case focusIsOnToggle
  case dialogCanRevealPassword
  case dialogRoutesAddress
  case nextIsBlocked
  case planChangesNothing
  case passwordIsRevealed
  case promptIsLeave
  case isFollowingLog
  /// Edits are allowed (not `--read-only`); keys that edit hide from the bar otherwise.
  case canEdit
  /// The open question is "Quit without writing?".
  case confirmsQuit
}
