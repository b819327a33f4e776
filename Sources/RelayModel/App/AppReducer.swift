/// The whole UI's behaviour, the setup wizard included: given the state and what
/// happened, change the state and return the effects to perform. Pure: no I/O, no clock,
/// no terminal.
///
/// Keys go through the key-binding table (`KeyBindings`): the reducer switches over the
/// command a key sends in the current context, never over raw keys. While the wizard is
/// open (`AppDestination.wizard`) its actions go to `WizardReducer`, and its end comes back
/// as `.wizard(.delegate(.finished(outcome)))` (TCA's child feature with a delegate action).
///
/// ```swift
/// var state = AppState(workspace: Workspace(loaded), version: v, size: Size(rows: 24, columns: 80))
/// let effects = AppReducer.reduce(into: &state, action: .keyPressed(.character("w")))
/// ```
public enum AppReducer {
  public static func reduce(into state: inout AppState, action: AppAction) -> [AppEffect] {
    var effects = reduceAction(into: &state, action: action)
    // An edit (or undo, redo) named a `__FILE` path never read: read it, so the preview
    // shows that file and not the one read at load.
    let unread = state.workspace.unreadSecretFiles
    if !unread.isEmpty, !effects.contains(.readSecretFiles(unread)) { effects.append(.readSecretFiles(unread)) }
    return effects
  }

  private static func reduceAction(into state: inout AppState, action: AppAction) -> [AppEffect] {
    switch action {
    case .secretFilesRead(let contents):
      state.workspace.secretFilesRead(contents)
      state.recompute()
      return []
    case .resized(let size):
      state.size = size
      for tab in Tab.allCases { state.clampPosition(tab) }
      if case .wizard = state.destination { return reduce(into: &state, action: .wizard(.resized(size))) }
      return []
    case .writeFinished(let result):
      if case .wizard = state.destination { return reduce(into: &state, action: .wizard(.writeFinished(result))) }
      let effects = state.writeFinished(result)
      // The saved files changed: the log is held against them again.
      guard case .success = result else { return effects }
      return effects + state.refreshObserved()
    case .reloaded(let loaded):
      state.reload(loaded)
      return []
    case .wizard(.delegate(.finished(let outcome))):
      return state.setupFinished(outcome)
    case .wizard(let action):
      guard case .wizard(var wizard) = state.destination else { return [] }
      let effects = WizardReducer.reduce(into: &wizard, action: action)
      state.destination = .wizard(wizard)
      return effects.flatMap { effect -> [AppEffect] in
        switch effect {
        case .write(let plan): return [.write(plan)]
        case .finish(let outcome): return reduce(into: &state, action: .wizard(.delegate(.finished(outcome))))
        }
      }
    case .checkStepStarted(let run, let index, let step):
      state.checkStepStarted(run: run, index: index, step: step)
      return []
    case .checkFinished(let run, let index, let result, let time):
      state.checkFinished(run: run, index: index, result: result, time: time)
      return []
    case .mailLogRead(let result):
      state.mailLogRead(result)
      return []
    case .clickedRow(let offset):
      state.clickedRow(offset)
      return []
    case .keyPressed(let key):
      let command = KeyBindings.command(for: key, in: state.keyContext)
      // Ctrl-L repaints the terminal wherever the UI is; no screen's state changes.
      if command == .redraw { return [.redrawScreen] }
      if case .wizard = state.destination { return reduce(into: &state, action: .wizard(.keyPressed(key))) }
      return state.keyPressed(key, command: command)
    }
  }
}

/// Shorthand for `AppReducer.reduce(into:action:)`.
public func reduce(into state: inout AppState, action: AppAction) -> [AppEffect] {
  AppReducer.reduce(into: &state, action: action)
}
