extension WizardPlan: Equatable {
  /// Two plans are the same when they write the same and say the same: the report is made
  /// from the plan, so for the wizard's state (and its tests) equal reports mean equal plans.
  public static func == (lhs: WizardPlan, rhs: WizardPlan) -> Bool {
    lhs.writePlan == rhs.writePlan && lhs.error == rhs.error && lhs.lines == rhs.lines
  }
}
