import RelayModel

/// A checklist of the sender domains the files name.
enum WizardDomainsStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    let choices = state.domainChoices
    if state.goal == .perDomain {
      body.paragraph("Which sender domains go through relay \(state.group + 1) (\(state.currentGroup.provider.name))? Domains of earlier relays are not listed; unticked domains go direct.")
    } else {
      body.paragraph("Which sender domains go through \(state.currentGroup.provider.name)? The others go direct.")
    }
    body.line()
    if choices.isEmpty {
      body.paragraph("The files name no sender domain (postfix-accounts.cf, postfix-virtual.cf).", .warning)
      return
    }
    let visible = max(body.height - body.lines.count, 1)
    let first = min(max(state.cursor - visible + 1, 0), max(choices.count - visible, 0))
    for index in first..<min(first + visible, choices.count) {
      let domain = choices[index]
      let ticked = state.currentGroup.domains.contains(domain)
      let text = " \(index == state.cursor ? "▸" : " ") [\(ticked ? "x" : " ")] \(domain)"
      body.line(text, index == state.cursor ? .selected : .normal)
    }
  }
}
