import RelayModel

/// "No relay is configured. Run the setup wizard?" on first start.
enum WizardOfferStep {
  static func render(_ state: WizardState, into body: inout WizardBody) {
    body.line(" No relay is configured. Run the setup wizard? (y/n)", .bold)
    body.line()
    body.paragraph(
      "The wizard asks where outgoing mail should go (a provider such as SendGrid or Amazon SES, for all mail or some sender domains), shows the routing and the diff for your DMS version, and writes only after you confirm.")
  }
}
