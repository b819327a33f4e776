import RelayModel

/// The plan report (`WizardPlan`), scrolled.
enum WizardPlanStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    guard let planned = state.planned else {
      body.paragraph("No plan: go back and complete the relay.", .error)
      return
    }
    let rows = planned.rows(width: state.bodyWidth)
    for row in rows.dropFirst(state.planScroll).prefix(body.height) {
      body.line(" " + row.text, WizardPlanStep.style(row.kind))
    }
  }

  static func style(_ kind: WizardLine.Kind) -> Style {
    switch kind {
    case .normal: return .normal
    case .dim: return .dim
    case .bold: return .bold
    case .heading: return .header
    case .ok: return .ok
    case .warning: return .warning
    case .error: return .error
    case .added: return .added
    case .removed: return .removed
    case .hunk: return .hunk
    }
  }
}
