extension WizardState {
  /// The keys that work now, for the bottom bar.
  public var keyHints: [KeyHint] {
    if let prompt {
      return prompt == .abandon
        ? [KeyHint("y", "Leave, write nothing"), KeyHint("n", "Stay")]
        : [KeyHint("y", "Write"), KeyHint("n", "Not now")]
    }
    let next = nextBlockedReason == nil ? "Next" : "Next (disabled)"
    switch step {
    case .offer: return [KeyHint("y", "Run the wizard"), KeyHint("n", "Not now")]
    case .done: return [KeyHint("Enter", "Finish")]
    case .folder: return [KeyHint("Enter", next), KeyHint("Esc", "Leave")]
    case .plan:
      let write = planned?.changesNothing == true ? "Finish" : (nextBlockedReason == nil ? "Write…" : "Write (disabled)")
      return [
        KeyHint("Enter", write), KeyHint("↑↓", "Scroll"), KeyHint("^B", "Back"), KeyHint("Esc", "Leave"),
      ]
    case .domains:
      return [
        KeyHint("Space", "Tick"), KeyHint("a", "All/none"), KeyHint("Enter", next), KeyHint("^B", "Back"),
        KeyHint("Esc", "Leave"),
      ]
    case .provider, .credentials:
      var hints = [KeyHint("Enter", next), KeyHint("Tab", "Field"), KeyHint("^B", "Back")]
      if step == .credentials {
        hints.append(KeyHint("^R", currentGroup.revealsPassword ? "Hide password" : "Show password"))
      }
      return hints + [KeyHint("Esc", "Leave")]
    default:
      return [KeyHint("↑↓", "Choose"), KeyHint("Enter", next), KeyHint("^B", "Back"), KeyHint("Esc", "Leave")]
    }
  }
}
