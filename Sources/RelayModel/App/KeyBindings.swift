/// The one key-binding table, and the lookups the reducers, the key bar and help use.
///
/// Order matters: within a context the first binding that has the key wins, so a
/// specific binding goes before a catch-all (`.anyKey`, `.printable`).
///
/// Ctrl-B is Back everywhere: the previous step in the wizard, the previous screen in the
/// UI (like ←). It does not page up; PgUp does.
public enum KeyBindings {
  /// The command `key` sends in `context`; nil when no binding has it there.
  public static func command(for key: Key, in context: KeyContext) -> KeyCommand? {
    for binding in table where binding.scope.contains(context) {
      if let command = binding.command(for: key) { return command }
    }
    return nil
  }

  /// The key bar for a state: its bindings' bar entries, by priority, with their labels.
  public static func hints(for state: some KeyConditionState) -> [KeyHint] {
    let context = state.keyContext
    let entries = table.compactMap { binding -> KeyBarEntry? in
      guard let bar = binding.bar, (bar.scope ?? binding.scope).contains(context), binding.scope.contains(context)
      else { return nil }
      if binding.presses.contains(where: { editCommands.contains($0.command) }), !state.holds(.canEdit) { return nil }
      if let condition = bar.condition, !state.holds(condition) { return nil }
      return bar
    }
    return entries.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }.map {
      let bar = $0.element
      let label = bar.variants.first { state.holds($0.condition) }?.label ?? bar.label
      return KeyHint(bar.key, label, pinned: bar.pinned, functionKey: bar.functionKey)
    }
  }

  /// The help overlay's rows, grouped by section in table order.
  public static var helpSections: [(section: HelpSection, bindings: [KeyBinding])] {
    HelpSection.allCases.map { section in (section, table.filter { $0.section == section }) }
  }

  /// Commands that change files; `--read-only` refuses them and hides their keys.
  public static let editCommands: Set<KeyCommand> = [.add, .edit, .editEnvironment, .delete, .toggleOptOut, .write, .undo, .redo]

  // MARK: - The table

  static let listTabs: Set<Tab> = [.domains, .relays, .credentials, .routing]
  /// Screens whose rows open an edit dialog (`e`, Enter): all but Observed, where Enter lists messages.
  static let editTabs: Set<Tab> = Set(Tab.allCases).subtracting([.observed])
  static let entryTabs: Set<Tab> = [.domains, .relays, .credentials]
  /// Screens whose rows stand for a route a live check can hold (`T`).
  static let checkTabs: Set<Tab> = [.domains, .relays, .routing]
  /// Wizard steps that walk forward and back (not the offer, not the end).
  static let walking: Set<WizardStep> = [.folder, .version, .goal, .provider, .credentials, .domains, .moreRelays, .plan]
  static let lists: Set<WizardStep> = [.version, .goal, .provider, .domains, .moreRelays]

  /// Keys that work in every context, first so no catch-all (`.anyKey` closing help) takes them.
  static let everywhere: [KeyBinding] = [
    KeyBinding("^L", "redraw the screen", in: .everywhere, section: .screens, [(.key(.control("l")), .redraw)])
  ]

  public static let table: [KeyBinding] = everywhere + browsing + dialogs + interrupts + overlays + wizard
}
