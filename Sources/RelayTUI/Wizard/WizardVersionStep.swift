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
    switch state.version.family {
    case .v11, .v12to13:
      body.paragraph(
        "DMS \(state.version.name) (\(state.version.family.rawValue)): the relay map and credentials count only while RELAY_HOST is set, so per-domain relaying needs RELAY_HOST plus opt-outs.", .dim)
    case .v14plus:
      body.paragraph(
        "DMS \(state.version.name) (v14+): the relay map works on its own, and file changes are picked up by change detection.", .dim)
    }
  }
}
