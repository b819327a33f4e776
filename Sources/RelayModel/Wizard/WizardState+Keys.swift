extension WizardState: KeyConditionState {
  /// Where keys go now, for the key-binding table.
  public var keyContext: KeyContext {
    prompt == nil ? .wizard(step, inField: focusedField != nil) : .wizardPrompt
  }

  public func holds(_ condition: KeyCondition) -> Bool {
    switch condition {
    case .nextIsBlocked: return nextBlockedReason != nil
    case .planChangesNothing: return planned?.changesNothing == true
    case .passwordIsRevealed: return currentGroup.revealsPassword
    case .promptIsLeave: return prompt == .abandon
    default: return false
    }
  }

  /// The keys that work now, for the bottom bar.
  public var keyHints: [KeyHint] { KeyBindings.hints(for: self) }

  /// The open question as the prompt box shows it.
  public var promptText: PromptText? {
    switch prompt {
    case nil:
      return nil
    case .abandon?:
      return PromptText(title: "Leave the setup?", lines: ["Nothing will be written."], yes: "leave", no: "stay")
    case .write?:
      let files = planned?.writePlan?.files.filter(\.isChange) ?? []
      var lines = files.map { "\($0.existed ? "change" : "create") \($0.path)" }
      if planned?.plan?.isExact == false { lines.append("DMS cannot route exactly as asked: this is the closest plan.") }
      lines.append("A .bak copy of each changed file is kept.")
      return PromptText(title: "Write \(files.count) file(s)?", lines: lines, yes: "write", no: "not now")
    }
  }
}
