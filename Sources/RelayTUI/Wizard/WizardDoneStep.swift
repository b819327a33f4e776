import RelayModel

/// What was written and what to do next.
enum WizardDoneStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    switch state.outcome {
    case .written(let receipts, let nextSteps)?:
      body.line(" Written:", .bold)
      for receipt in receipts { body.paragraph(receipt.summary, .ok, indent: 2) }
      body.line()
      body.line(" What to do next:", .bold)
      if nextSteps.isEmpty { body.paragraph("Nothing: DMS applies the change as it is.", indent: 2) }
      for line in nextSteps { body.paragraph("- \(line)", indent: 2) }
    default:
      body.paragraph("Nothing to change: DMS \(state.version.name) already routes mail as asked. Nothing was written.", .ok)
    }
    body.line()
    body.paragraph("Check the routing any time with 'dms-relay preview', or open the UI with 'dms-relay'.", .dim)
  }
}
