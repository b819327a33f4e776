import RelayModel

/// Step 1: the config folder, environment, version and domains the wizard read.
enum WizardFolderStep {
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
    let list = domains.isEmpty ? "none yet" : "\(domains.count): " + domains.prefix(6).joined(separator: ", ") + (domains.count > 6 ? ", …" : "")
    body.spans([Span(" Sender domains ", .bold), Span(list)])
    body.line()
    for warning in loaded.warnings.prefix(3) { body.paragraph("warning: \(warning)", .warning) }
    body.paragraph("Wrong folder or env file? Leave (Esc) and run 'dms-relay setup --config-dir PATH --env-file FILE'.", .dim)
  }
}
