import RelayModel

/// How this server logs in at the relay; the password masked until Ctrl-R.
enum WizardCredentialsStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    let provider = state.currentGroup.provider
    body.paragraph(
      "How does this server log in at \(provider.name)? The password goes into postfix-sasl-password.cf (mode 0600), never into a message or the diff.")
    if provider.credentials == .optional {
      body.paragraph("Leave both empty when the relay admits this server by its IP address.", .dim)
    }
    body.line()
    for id in state.fields { body.lines += WizardFieldView.lines(state, id, width: body.width).map { [Span(" ")] + $0 } }
    body.line()
    body.paragraph("User: \(provider.usernameHint). Password: \(provider.passwordHint).", .dim)
  }
}
