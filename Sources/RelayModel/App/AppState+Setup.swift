extension AppState {
  /// `dms-relay setup`: the wizard, and the session ends with it.
  public static func setup(_ loaded: LoadedConfiguration, size: Size) -> AppState {
    var state = opening(loaded, size: size)
    state.destination = .wizard(WizardState(loaded: loaded, size: size))
    state.endsWithSetup = true
    return state
  }

  /// The wizard's delegate: it finished. `setup` ends here; on the UI's first start the
  /// screens open, on the files as written when the wizard wrote them (the runner reloads).
  mutating func setupFinished(_ outcome: WizardOutcome) -> [AppEffect] {
    setupOutcome = outcome
    if endsWithSetup { return [.quit] }
    destination = nil
    if case .written = outcome { return [.reload] }
    return []
  }

  /// Starts over on the configuration read again after the wizard wrote it.
  mutating func reload(_ loaded: LoadedConfiguration) {
    var fresh = AppState.opening(loaded, size: size)
    fresh.setupOutcome = setupOutcome
    self = fresh
  }
}
