extension AppState {
  /// The state the UI opens with for a loaded session.
  ///
  /// The detected version is previewed; without one, the newest family is, and the status
  /// line says why and that `v` changes it. When a setup-wide failure stops mail (the demo's
  /// "no outbound mail will leave"), the UI opens on the Routing screen, whose banner says
  /// so first. With `offeringSetup` (no relay configured at all) the wizard's offer comes
  /// first, over the screens.
  /// With `readOnly` (`--read-only`) nothing can be edited or written, and no wizard is offered.
  public static func opening(
    _ loaded: LoadedConfiguration, size: Size, offeringSetup: Bool = false, readOnly: Bool = false
  ) -> AppState {
    var status: StatusMessage?
    let version: DMSVersion
    if let detected = loaded.version {
      version = detected
    } else {
      version = DMSVersion.representative(of: .v14plus)
      let why = loaded.versionProblem?.description ?? VersionUnavailable.notGiven.description
      status = StatusMessage("\(why) — previewing \(version.name); v changes it", .warning)
    }
    if loaded.configDirectory == nil {
      status = StatusMessage("no config folder found: pass --config-dir PATH (edits need it)", .warning)
    } else if status == nil, let warning = loaded.warnings.first {
      status = StatusMessage(warning, .warning)
    }
    var state = AppState(workspace: Workspace(loaded), version: version, size: size, status: status)
    if state.derived.headline != nil {
      state.tab = .routing
      if status == nil {
        state.status = StatusMessage("mail will not go where the files say: see the banner (i lists every diagnostic)", .error)
      }
    }
    state.isReadOnly = readOnly
    if offeringSetup, !readOnly { state.destination = .wizard(WizardState(loaded: loaded, size: size, offering: true)) }
    return state
  }
}
