import RelayModel

/// "Another relay?" while some domains still go direct.
enum WizardMoreRelaysStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    let rest = state.unassignedDomains
    body.paragraph("Still going direct: \(rest.joined(separator: ", ")).")
    body.line()
    body.spans(WizardChoice.spans("Add another relay for some of them", isCursor: state.cursor == 0, isOn: state.cursor == 0))
    body.spans(WizardChoice.spans("Continue to the plan (they go direct)", isCursor: state.cursor == 1, isOn: state.cursor == 1))
  }
}
