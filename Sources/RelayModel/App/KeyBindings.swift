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
      if let condition = bar.condition, !state.holds(condition) { return nil }
      return bar
    }
    return entries.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }.map {
      let bar = $0.element
      let label = bar.variants.first { state.holds($0.condition) }?.label ?? bar.label
      return KeyHint(bar.key, label)
    }
  }

  /// The help overlay's rows, grouped by section in table order.
  public static var helpSections: [(section: HelpSection, bindings: [KeyBinding])] {
    HelpSection.allCases.map { section in (section, table.filter { $0.section == section }) }
  }

  // MARK: - The table

  static let allTabs = Set(Tab.allCases)
  static let listTabs: Set<Tab> = [.domains, .relays, .credentials, .routing]
  static let entryTabs: Set<Tab> = [.domains, .relays, .credentials]
  /// Wizard steps that walk forward and back (not the offer, not the end).
  static let walking: Set<WizardStep> = [.folder, .version, .goal, .provider, .credentials, .domains, .moreRelays, .plan]
  static let lists: Set<WizardStep> = [.version, .goal, .provider, .domains, .moreRelays]

  public static let table: [KeyBinding] = browsing + dialogs + overlays + wizard

  static let browsing: [KeyBinding] = [
    KeyBinding(
      "1–5", "switch screen", in: .browsing, section: .screens,
      Tab.allCases.map { (.key(.character(Character(String($0.rawValue)))), .showTab($0)) }),
    KeyBinding("→ l Tab", "next screen", in: .browsing, section: .screens, [
      (.key(.right), .nextTab), (.key(.character("l")), .nextTab), (.key(.tab), .nextTab),
    ]),
    KeyBinding("← h S-Tab ^B", "previous screen (back)", in: .browsing, section: .screens, [
      (.key(.left), .previousTab), (.key(.character("h")), .previousTab), (.key(.backTab), .previousTab),
      (.key(.control("b")), .previousTab),
    ]),
    KeyBinding("↑↓ j k", "move", in: .browsing, section: .screens, bar: KeyBarEntry(0, "↑↓", "move"), [
      (.key(.up), .lineUp), (.key(.character("k")), .lineUp), (.key(.down), .lineDown), (.key(.character("j")), .lineDown),
    ]),
    KeyBinding("PgUp PgDn", "page up / down", in: .browsing, section: .screens, [
      (.key(.pageUp), .pageUp), (.key(.pageDown), .pageDown),
    ]),
    KeyBinding("Space ^F", "page down", in: .browsing, section: .screens, [
      (.key(.character(" ")), .pageDown), (.key(.control("f")), .pageDown),
    ]),
    KeyBinding("Home g End G", "first / last", in: .browsing, section: .screens, [
      (.key(.home), .first), (.key(.character("g")), .first), (.key(.end), .last), (.key(.character("G")), .last),
    ]),
    KeyBinding(
      "/", "filter", in: .browsing, section: .screens,
      bar: KeyBarEntry(20, "/", "filter", only: .browse(listTabs), variants: [(.filterIsActive, "filter*")]),
      [(.key(.character("/")), .startFilter)]),
    KeyBinding("Esc", "clear the filter", in: .browsing, section: .screens, [(.key(.escape), .clearFilter)]),

    KeyBinding(
      "a", "add", in: .browsing, section: .changes, bar: KeyBarEntry(10, "a", "add", only: .browse(entryTabs)),
      [(.key(.character("a")), .add)]),
    KeyBinding(
      "e Enter", "edit", in: .browsing, section: .changes, bar: KeyBarEntry(13, "e", "edit", only: .browse(listTabs)),
      [(.key(.character("e")), .edit), (.key(.enter), .edit)]),
    KeyBinding(
      "d Del", "delete (asks)", in: .browsing, section: .changes,
      bar: KeyBarEntry(14, "d", "delete", only: .browse(entryTabs)),
      [(.key(.character("d")), .delete), (.key(.delete), .delete)]),
    KeyBinding(
      "x", "opt out / back in", in: .browsing, section: .changes,
      bar: KeyBarEntry(15, "x", "opt-out", only: .browse([.domains, .routing])), [(.key(.character("x")), .toggleOptOut)]),
    KeyBinding(
      "E", "relay env variables", in: .browsing, section: .changes,
      bar: KeyBarEntry(16, "E", "env", only: .browse([.relays, .credentials])), [(.key(.character("E")), .editEnvironment)]),
    KeyBinding(
      "u", "undo", in: .browsing, section: .changes, bar: KeyBarEntry(31, "u", "undo", when: .hasPendingChanges),
      [(.key(.character("u")), .undo)]),
    KeyBinding(
      "w", "write (lists files, y)", in: .browsing, section: .changes,
      bar: KeyBarEntry(30, "w", "write", when: .hasPendingChanges), [(.key(.character("w")), .write)]),

    KeyBinding(
      "v", "cycle DMS version", in: .browsing, section: .preview, bar: KeyBarEntry(21, "v", "version"),
      [(.key(.character("v")), .cycleVersion)]),
    KeyBinding(
      "c", "compare versions", in: .browsing, section: .preview,
      bar: KeyBarEntry(12, "c", "compare", only: .browse([.routing])), [(.key(.character("c")), .cycleComparison)]),
    KeyBinding(
      "t", "route an address", in: .browsing, section: .preview,
      bar: KeyBarEntry(11, "t", "route address", only: .browse([.routing])), [(.key(.character("t")), .routeAddress)]),
    KeyBinding(
      "i", "all diagnostics", in: .browsing, section: .preview, bar: KeyBarEntry(40, "i", "issues"),
      [(.key(.character("i")), .showDiagnostics)]),

    KeyBinding(
      "q ^C", "quit (asks if unsaved)", in: .browsing, section: .leaving, bar: KeyBarEntry(42, "q", "quit"),
      [(.key(.character("q")), .quit), (.key(.control("c")), .quit)]),
    KeyBinding(
      "? F1", "this help", in: .browsing, section: .leaving, bar: KeyBarEntry(41, "?", "help"),
      [(.key(.character("?")), .showHelp), (.key(.function(1)), .showHelp)]),
  ]

  static let dialogs: [KeyBinding] = [
    KeyBinding(
      "Tab ↓", "next field", in: .dialog, section: .dialogs, bar: KeyBarEntry(1, "Tab", "next"),
      [(.key(.tab), .nextField), (.key(.down), .nextField)]),
    KeyBinding(
      "S-Tab ↑", "previous field", in: .dialog, section: .dialogs, bar: KeyBarEntry(2, "S-Tab", "back"),
      [(.key(.backTab), .previousField), (.key(.up), .previousField)]),
    KeyBinding(
      "Space", "toggle", in: .dialog, section: .dialogs, bar: KeyBarEntry(0, "Space", "toggle", when: .focusIsOnToggle),
      [(.key(.character(" ")), .toggleField)]),
    KeyBinding(
      "^R", "show / hide password", in: .dialog, section: .dialogs,
      bar: KeyBarEntry(5, "^R", "show password", when: .dialogCanRevealPassword), [(.key(.control("r")), .revealPassword)]),
    KeyBinding(
      "^U", "clear field", in: .dialog, section: .dialogs, bar: KeyBarEntry(6, "^U", "clear field"),
      [(.key(.control("u")), .clearField)]),
    KeyBinding(
      "Enter", "save (when valid)", in: .dialog, section: .dialogs,
      bar: KeyBarEntry(3, "Enter", "save", variants: [(.dialogRoutesAddress, "done")]), [(.key(.enter), .submit)]),
    KeyBinding(
      "Esc", "cancel", in: .dialog, section: .dialogs, bar: KeyBarEntry(4, "Esc", "cancel"), [(.key(.escape), .cancel)]),
    KeyBinding(
      "type Bksp", "edit the field", in: .dialog, section: .dialogs,
      [(.printable, .typeText), (.key(.backspace), .typeText)]),
  ]

  /// Questions, the filter prompt and the boxes over the screens: their key bar says it all.
  static let overlays: [KeyBinding] = [
    KeyBinding("y", "yes", in: .confirm, bar: KeyBarEntry(0, "y", "yes"), [(.key(.character("y")), .confirm), (.key(.character("Y")), .confirm)]),
    KeyBinding("n", "no", in: .confirm, bar: KeyBarEntry(1, "n", "no"), [(.key(.character("n")), .decline), (.key(.character("N")), .decline)]),
    KeyBinding("Esc", "cancel", in: .confirm, bar: KeyBarEntry(2, "Esc", "cancel"), [(.key(.escape), .decline)]),

    KeyBinding("type", "filter", in: .filter, bar: KeyBarEntry(0, "type", "filter"), [(.printable, .typeText)]),
    KeyBinding("Bksp", "delete a character", in: .filter, [(.key(.backspace), .deleteBackward)]),
    KeyBinding("Enter", "keep", in: .filter, bar: KeyBarEntry(1, "Enter", "keep"), [(.key(.enter), .submit)]),
    KeyBinding("Esc", "undo filter", in: .filter, bar: KeyBarEntry(2, "Esc", "undo filter"), [(.key(.escape), .cancel)]),
    KeyBinding("^U", "clear", in: .filter, bar: KeyBarEntry(3, "^U", "clear"), [(.key(.control("u")), .clearField)]),

    KeyBinding("↑↓ j k", "scroll", in: .diagnostics, bar: KeyBarEntry(0, "↑↓", "scroll"), [
      (.key(.up), .lineUp), (.key(.character("k")), .lineUp), (.key(.down), .lineDown), (.key(.character("j")), .lineDown),
    ]),
    KeyBinding("Home End", "first / last", in: .diagnostics, [(.key(.home), .first), (.key(.end), .last)]),
    KeyBinding("Esc", "close", in: .diagnostics, bar: KeyBarEntry(1, "Esc", "close"), [(.anyKey, .close)]),

    KeyBinding("any key", "close", in: .closable, bar: KeyBarEntry(0, "any key", "close"), [(.anyKey, .close)]),
    KeyBinding("", "writing…", in: .writing, bar: KeyBarEntry(0, "", "writing…"), [(.anyKey, .wait)]),
  ]

  static let wizard: [KeyBinding] = [
    KeyBinding(
      "y Enter", "run the wizard", in: .wizard([.offer], inField: nil), bar: KeyBarEntry(0, "y", "Run the wizard"),
      [(.key(.character("y")), .startSetup), (.key(.character("Y")), .startSetup), (.key(.enter), .startSetup)]),
    KeyBinding(
      "n Esc q", "not now", in: .wizard([.offer], inField: nil), bar: KeyBarEntry(1, "n", "Not now"), [
        (.key(.character("n")), .declineSetup), (.key(.character("N")), .declineSetup), (.key(.escape), .declineSetup),
        (.key(.character("q")), .declineSetup),
      ]),
    KeyBinding(
      "Enter Esc q", "finish", in: .wizard([.done], inField: nil), bar: KeyBarEntry(0, "Enter", "Finish"),
      [(.key(.enter), .finishSetup), (.key(.escape), .finishSetup), (.key(.character("q")), .finishSetup)]),

    KeyBinding(
      "y Enter", "yes", in: .wizardPrompt, bar: KeyBarEntry(0, "y", "Write", variants: [(.promptIsLeave, "Leave, write nothing")]),
      [(.key(.character("y")), .confirm), (.key(.character("Y")), .confirm), (.key(.enter), .confirm)]),
    KeyBinding(
      "n Esc", "no", in: .wizardPrompt, bar: KeyBarEntry(1, "n", "Not now", variants: [(.promptIsLeave, "Stay")]),
      [(.key(.character("n")), .decline), (.key(.character("N")), .decline), (.key(.escape), .decline)]),

    KeyBinding(
      "Esc", "leave without writing (asks)", in: .wizard(walking, inField: nil), bar: KeyBarEntry(90, "Esc", "Leave"),
      [(.key(.escape), .leaveSetup)]),
    KeyBinding(
      "^B", "back", in: .wizard(walking, inField: nil),
      bar: KeyBarEntry(80, "^B", "Back", only: .wizard(walking.subtracting([.folder]), inField: nil)),
      [(.key(.control("b")), .back)]),
    KeyBinding(
      "Enter w", "write (asks)", in: .wizard([.plan], inField: nil),
      bar: KeyBarEntry(10, "Enter", "Write…", variants: [(.planChangesNothing, "Finish"), (.nextIsBlocked, "Write (disabled)")]),
      [(.key(.enter), .next), (.key(.character("w")), .next)]),
    KeyBinding(
      "Enter", "next", in: .wizard(walking.subtracting([.plan]), inField: nil),
      bar: KeyBarEntry(10, "Enter", "Next", variants: [(.nextIsBlocked, "Next (disabled)")]), [(.key(.enter), .next)]),
    KeyBinding(
      "Tab S-Tab", "next / previous field", in: .wizard([.provider, .credentials], inField: nil),
      bar: KeyBarEntry(20, "Tab", "Field"), [(.key(.tab), .nextField), (.key(.backTab), .previousField)]),
    KeyBinding(
      "^R", "show / hide password", in: .wizard(walking, inField: true),
      bar: KeyBarEntry(
        85, "^R", "Show password", only: .wizard([.credentials], inField: true), variants: [(.passwordIsRevealed, "Hide password")]),
      [(.key(.control("r")), .revealPassword)]),
    KeyBinding(
      "type Bksp ^U", "edit the field", in: .wizard(walking, inField: true),
      [(.printable, .typeText), (.key(.backspace), .typeText), (.key(.control("u")), .typeText)]),
    KeyBinding(
      "Bksp ←", "back", in: .wizard(walking, inField: false), [(.key(.backspace), .back), (.key(.left), .back)]),
    KeyBinding(
      "Space", "tick", in: .wizard([.domains], inField: false), bar: KeyBarEntry(1, "Space", "Tick"),
      [(.key(.character(" ")), .tick)]),
    KeyBinding(
      "a", "all / none", in: .wizard([.domains], inField: false), bar: KeyBarEntry(2, "a", "All/none"),
      [(.key(.character("a")), .tickAll)]),
    KeyBinding(
      "↑↓ PgUp PgDn Space Home End", "scroll", in: .wizard([.plan], inField: false), bar: KeyBarEntry(20, "↑↓", "Scroll"), [
        (.key(.up), .lineUp), (.key(.down), .lineDown), (.key(.pageUp), .pageUp), (.key(.pageDown), .pageDown),
        (.key(.character(" ")), .pageDown), (.key(.home), .first), (.key(.end), .last),
      ]),
    KeyBinding(
      "↑↓ Home End", "choose", in: .wizard(lists, inField: false),
      bar: KeyBarEntry(5, "↑↓", "Choose", only: .wizard([.version, .goal, .moreRelays], inField: false)), [
        (.key(.up), .lineUp), (.key(.down), .lineDown), (.key(.home), .first), (.key(.pageUp), .first),
        (.key(.end), .last), (.key(.pageDown), .last),
      ]),
  ]
}
