extension KeyBindings {
  /// The setup wizard's steps and questions; its key bar says what each step takes.
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
