/// What is open over the browse screens, if anything (TCA's `Destination` with
/// `@Presents`): `AppState.destination == nil` is browsing.
///
/// The flow is browse → dialog → confirm → writing → result; a failure is a `notice` with
/// `isError`, never a crash.
public enum AppDestination: Equatable, Sendable {
  case dialog(Dialog)
  case confirm(Confirmation)
  /// Typing a filter after `/`; `previous` comes back on Esc.
  case filter(previous: String)
  case help
  /// All diagnostics with their fixes (`i`), scrolled to `scroll`.
  case diagnostics(scroll: Int)
  /// The runner is performing this plan.
  case writing(WritePlan)
  case notice(Notice)
  /// The setup wizard, a child feature: its keys and results go to `WizardReducer`.
  case wizard(WizardState)
  /// Live relay checks under way, with each sender's progress; Esc cancels.
  case checking(CheckSession)
  /// A sender domain's messages from the mail log (Enter on screen 6), scrolled to `scroll`.
  case messages(domain: String, scroll: Int)
}
