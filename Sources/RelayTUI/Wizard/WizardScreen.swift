import RelayModel

/// Draws the setup wizard: a title bar, the step's title, its body, the message line and
/// the key bar, with the prompt box over them. Below 60×16 the "terminal too small"
/// notice replaces it.
enum WizardScreen {
  /// The body starts under the title bar, the step title and a blank row.
  static let bodyTop = 3

  static func render<S: Surface>(_ state: WizardState, into surface: inout S) {
    let size = surface.size
    guard !size.isTooSmall else {
      return TooSmallNotice.render(leaving: "press Esc to leave", question: state.promptText, into: &surface)
    }
    let width = size.columns
    surface.fill(row: 0, column: 0, width: width, style: .title)
    let right = " DMS \(state.version.name) (\(state.version.family.rawValue)) "
    surface.put(" dms-relay setup │ \(state.loaded.configDirectory ?? "no config folder")", at: Point(row: 0, column: 0), width: max(width - CellWidth.of(right) - 1, 0), style: .title)
    surface.put(right, at: Point(row: 0, column: max(width - CellWidth.of(right), 0)), style: .title)

    var heading = state.step.title
    if let number = state.stepNumber { heading = "Step \(number) of \(state.stepSequence.count) · \(heading)" }
    if state.goal == .perDomain, [.provider, .credentials, .domains].contains(state.step) {
      heading += " (relay \(state.group + 1))"
    }
    surface.put(" \(heading)", at: Point(row: 1, column: 0), width: width, style: .header)

    var body = WizardBody(top: bodyTop, bottom: size.rows - 3, width: width)
    switch state.step {
    case .offer: WizardOfferStep.render(state, into: &body)
    case .folder: WizardFolderStep.render(state, into: &body)
    case .version: WizardVersionStep.render(state, into: &body)
    case .goal: WizardGoalStep.render(state, into: &body)
    case .provider: WizardProviderStep.render(state, into: &body)
    case .credentials: WizardCredentialsStep.render(state, into: &body)
    case .domains: WizardDomainsStep.render(state, into: &body)
    case .moreRelays: WizardMoreRelaysStep.render(state, into: &body)
    case .plan: WizardPlanStep.render(state, into: &body)
    case .done: WizardDoneStep.render(state, into: &body)
    }
    body.draw(into: &surface)

    if let message = state.message {
      surface.put(" \(message.text)", at: Point(row: size.rows - 2, column: 0), width: width, style: .status(message.kind))
    }
    KeyBar.render(state.keyHints, row: size.rows - 1, into: &surface)
    if let prompt = state.promptText { PromptView.render(prompt, into: &surface) }
  }
}
