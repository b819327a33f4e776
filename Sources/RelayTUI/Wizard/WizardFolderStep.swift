import RelayModel

/// Step 1: the config folder, environment, version and domains the wizard read.
enum WizardFolderStep {
  /// The first domains named, then "…": the step is a check, not the list.
  static let shownDomains = 6
  /// More warnings would push the step off a 24-row terminal; the UI lists them all.
  static let shownWarnings = 3

  static func render(_ state: WizardState, into body: inout WizardBody) {
    let loaded = state.loaded
    body.paragraph("Is this the right configuration? The wizard reads these and writes only after you confirm the plan.")
    body.line()
    body.spans([Span(" Config folder  ", .bold), Span(loaded.configDirectory ?? "none found", loaded.configDirectory == nil ? .error : .normal)])
    body.spans([Span(" Environment    ", .bold), Span(loaded.environmentDescription)])
    let version = loaded.version.map { "\($0.name) (\(loaded.versionSource?.description ?? "given"))" }
      ?? (loaded.versionProblem?.description ?? VersionUnavailable.notGiven.description)
    body.spans([Span(" DMS version    ", .bold), Span(version)])
    let domains = state.knownDomains
    let list = domains.isEmpty ? "none yet" : "\(domains.count): " + domains.prefix(shownDomains).joined(separator: ", ") + (domains.count > shownDomains ? ", …" : "")
    body.spans([Span(" Sender domains ", .bold), Span(list)])
    body.line()
    for warning in loaded.warnings.prefix(shownWarnings) { body.paragraph("warning: \(warning)", .warning) }
    body.paragraph("Wrong folder or env file? Leave (Esc) and run 'dms-relay setup --config-dir PATH --env-file FILE'.", .dim)
  }
}
