extension AppState: KeyConditionState {
  /// Where keys go now, for the key-binding table.
  public var keyContext: KeyContext {
    switch destination {
    case nil: return .browse(tab)
    case .dialog: return .dialog
    case .confirm: return .confirm
    case .filter: return .filter
    case .help, .notice: return .closable
    case .diagnostics: return .diagnostics
    case .writing: return .writing
    case .checking: return .checking
    case .messages: return .messages
    case .wizard(let wizard): return wizard.keyContext
    }
  }

  public func holds(_ condition: KeyCondition) -> Bool {
    switch condition {
    case .hasPendingChanges: return workspace.hasPendingChanges
    case .filterIsActive: return !filter.isEmpty
    case .focusIsOnToggle:
      guard let dialog, dialog.fields.indices.contains(dialog.focus) else { return false }
      return dialog.fields[dialog.focus].isToggle
    case .dialogCanRevealPassword: return dialog?.field(.revealPassword) != nil
    case .dialogRoutesAddress: return dialog?.kind == .routeAddress
    case .isFollowingLog: return observed.isFollowing
    case .canEdit: return !isReadOnly
    case .confirmsQuit:
      if case .confirm(let confirmation) = destination { return confirmation.purpose == .quit }
      return false
    default:
      if case .wizard(let wizard) = destination { return wizard.holds(condition) }
      return false
    }
  }

  /// The keys that do something right now, most useful first, for the bottom key bar.
  public var keyHints: [KeyHint] { KeyBindings.hints(for: self) }

  /// A key outside the wizard, with the command the table gives it here.
  mutating func keyPressed(_ key: Key, command: KeyCommand?) -> [AppEffect] {
    // Ctrl-C over a question, the filter or an overlay: quit, asking first when changes are
    // pending; pressed again on that question, it quits.
    if command == .quit, let open = destination {
      if case .confirm(let confirmation) = open, confirmation.purpose == .quit { return [.quit] }
      if case .writing = open { return [] }
      if case .filter(let previous) = open {
        filter = previous
        refilter()
      }
      destination = nil
      return requestQuit()
    }
    switch destination {
    case nil:
      guard let command else { return [] }
      return browse(command)
    case .dialog(var dialog): return dialogCommand(command, key: key, &dialog)
    case .confirm(let confirmation): return confirmCommand(command, confirmation)
    case .filter(let previous): return filterCommand(command, key: key, previous: previous)
    case .diagnostics(let scroll): return diagnosticsCommand(command, scroll: scroll)
    case .help, .notice:
      if command == .close { destination = nil }
      return []
    case .writing:
      status = StatusMessage("writing… please wait")
      return []
    case .checking(let session): return checkingCommand(command, session)
    case .messages(let domain, let scroll): return messagesCommand(command, domain: domain, scroll: scroll)
    case .wizard:
      return []  // `AppReducer` sends keys to the wizard before they get here.
    }
  }
}
