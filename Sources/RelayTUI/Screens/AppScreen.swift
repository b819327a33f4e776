import RelayModel

/// Draws the whole UI for a state: bars, the current screen, and whatever is open on top.
///
/// Pure drawing: it reads the state and never changes it, so the same state always draws
/// the same cells (what the `Grid` tests rely on).
enum AppScreen {
  static func render<S: Surface>(_ state: AppState, into surface: inout S) {
    if case .wizard(let wizard)? = state.destination { return WizardScreen.render(wizard, into: &surface) }
    guard !state.size.isTooSmall else {
      var question: PromptText?
      if case .confirm(let confirmation)? = state.destination { question = confirmation.text }
      return TooSmallNotice.render(leaving: "press q to quit", question: question, into: &surface)
    }
    TitleBar.render(state, into: &surface)
    TabBar.render(state, into: &surface)
    switch state.tab {
    case .domains: DomainsScreen.render(state, into: &surface)
    case .relays: RelaysScreen.render(state, into: &surface)
    case .credentials: CredentialsScreen.render(state, into: &surface)
    case .routing: RoutingScreen.render(state, into: &surface)
    case .changes: ChangesScreen.render(state, into: &surface)
    case .observed: ObservedScreen.render(state, into: &surface)
    }
    StatusLine.render(state, into: &surface)
    KeyBar.render(state.keyHints, row: state.layout.keyBarRow, into: &surface)
    switch state.destination {
    case .dialog(let dialog)?: DialogView.render(dialog, state: state, into: &surface)
    case .confirm(let confirmation)?: PromptView.render(confirmation.text, into: &surface)
    case .help?: HelpOverlay.render(into: &surface)
    case .diagnostics(let scroll)?: DiagnosticsOverlay.render(state, scroll: scroll, into: &surface)
    case .notice(let notice)?: NoticeView.render(notice, into: &surface)
    case .writing(let plan)?:
      NoticeView.render(
        Notice(title: "Writing", lines: ["Writing \(plan.files.filter(\.isChange).count) file(s)…"]), into: &surface)
    case .checking(let session)?: CheckProgressView.render(session, into: &surface)
    case .messages(let domain, let scroll)?: MessagesOverlay.render(state, domain: domain, scroll: scroll, into: &surface)
    case .filter?, .wizard?, nil:
      break
    }
  }
}
