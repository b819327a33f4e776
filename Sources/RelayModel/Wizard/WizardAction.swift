/// Something that happened in the wizard, sent to it wrapped in `AppAction.wizard`.
public enum WizardAction: Hashable, Sendable {
  case keyPressed(Key)
  case resized(Size)
  /// The result of performing `WizardEffect.write`.
  case writeFinished(Result<[FileStore.Receipt], WriteError>)
  /// What the wizard tells the app (TCA's delegate action): it is over.
  case delegate(Delegate)

  public enum Delegate: Hashable, Sendable {
    case finished(WizardOutcome)
  }
}
