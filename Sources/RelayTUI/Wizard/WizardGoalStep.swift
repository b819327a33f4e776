import RelayModel

/// Which outgoing mail goes through a relay.
enum WizardGoalStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    body.paragraph("Which outgoing mail should go through a relay?")
    body.line()
    for goal in WizardGoal.allCases {
      body.spans(WizardChoice.spans(goal.label, isCursor: goal == state.goal, isOn: goal == state.goal))
    }
  }
}
