import RelayModel

/// The DMS version to plan for, detected one first, with what differs by family.
enum WizardVersionStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    body.paragraph("Which DMS version does the container run? What DMS needs differs by version.")
    body.line()
    for (index, version) in state.versionChoices.enumerated() {
      var label = version.name
      if index == 0, state.loaded.version != nil {
        label += "  (detected: \(state.loaded.versionSource?.description ?? "given"))"
      }
      body.spans(WizardChoice.spans(label, isCursor: index == state.versionIndex, isOn: index == state.versionIndex))
    }
    body.line()
    body.paragraph(state.version.family.rules.summary(state.version), .dim)
  }
}
