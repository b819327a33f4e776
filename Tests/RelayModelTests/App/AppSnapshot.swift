import Testing

@testable import RelayModel

/// The parts of `AppState` a reducer test compares: everything but the derived preview,
/// which tests inspect directly where it matters.
struct AppSnapshot: Equatable {
  var tab: Tab
  var positions: [Tab: ListPosition]
  var filter: String
  var version: DMSVersion
  var comparisonVersion: DMSVersion?
  var edits: [RelayEdit]
  var destination: AppDestination?
  var status: StatusMessage?
  var writeResult: WriteResult?
  var size: Size
  var setupOutcome: WizardOutcome?
  var checks: [CheckRecord]
  var checkRuns: Int
  var observed: ObservedState

  init(_ state: AppState) {
    tab = state.tab
    positions = state.positions
    filter = state.filter
    version = state.version
    comparisonVersion = state.comparisonVersion
    edits = state.workspace.edits
    destination = state.destination
    status = state.status
    writeResult = state.writeResult
    size = state.size
    setupOutcome = state.setupOutcome
    checks = state.checks
    checkRuns = state.checkRuns
    observed = state.observed
  }

  /// Changes the open wizard's state (the expected one), as TCA's `$0.destination?.wizard`.
  mutating func wizard(_ update: (inout WizardState) -> Void) {
    guard case .wizard(var wizard)? = destination else {
      Issue.record("the wizard is not open")
      return
    }
    update(&wizard)
    destination = .wizard(wizard)
  }
}
