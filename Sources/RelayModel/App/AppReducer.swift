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
    switch action {
    case .resized(let size):
      state.size = size
      for tab in Tab.allCases { state.clampPosition(tab) }
      if case .wizard = state.destination { return reduce(into: &state, action: .wizard(.resized(size))) }
      return []
    case .writeFinished(let result):
      if case .wizard = state.destination { return reduce(into: &state, action: .wizard(.writeFinished(result))) }
      return state.writeFinished(result)
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
    case .clickedRow(let offset):
      state.clickedRow(offset)
      return []
    case .keyPressed(let key):
      if case .wizard = state.destination { return reduce(into: &state, action: .wizard(.keyPressed(key))) }
      return state.keyPressed(key, command: KeyBindings.command(for: key, in: state.keyContext))
    }
  }
}

/// Shorthand for `AppReducer.reduce(into:action:)`.
public func reduce(into state: inout AppState, action: AppAction) -> [AppEffect] {
  AppReducer.reduce(into: &state, action: action)
}
