/// The setup wizard's behaviour, a child of the app's (`AppReducer` sends it the actions
/// wrapped in `AppAction.wizard`): given the state and what happened, change the state and
/// return the effects to perform. Pure: no I/O, no terminal.
///
/// Keys go through the key-binding table (`KeyBindings.wizard`): Enter is Next (refused,
/// with the reason, while the step is invalid), Ctrl-B is Back (Backspace and ← too where
/// no text field has the focus), Esc asks to leave without writing, Tab moves between
/// fields, Space ticks a domain, Ctrl-R shows the password.
public enum WizardReducer {
  public static func reduce(into state: inout WizardState, action: WizardAction) -> [WizardEffect] {
    switch action {
    case .resized(let size):
      state.size = size
      state.clampPlanScroll()
      return []
    case .writeFinished(let result):
      return state.writeFinished(result)
    case .keyPressed(let key):
      let command = KeyBindings.command(for: key, in: state.keyContext)
      if let prompt = state.prompt { return state.promptCommand(command, prompt) }
      return state.stepCommand(command, key: key)
    case .delegate:
      // For the parent; the wizard itself has nothing to do.
      return []
    }
  }
}
