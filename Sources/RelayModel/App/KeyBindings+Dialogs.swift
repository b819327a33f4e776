extension KeyBindings {
  /// Edit dialogs (listed in help), then questions, the filter and the boxes over the screens.
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

    KeyBinding(
      "↑↓ j k", "scroll", in: .diagnostics, bar: KeyBarEntry(0, "↑↓", "scroll"),
      [
        (.key(.up), .lineUp), (.key(.character("k")), .lineUp), (.key(.down), .lineDown), (.key(.character("j")), .lineDown),
      ]),
    KeyBinding("Home End", "first / last", in: .diagnostics, [(.key(.home), .first), (.key(.end), .last)]),
    KeyBinding("Esc", "close", in: .diagnostics, bar: KeyBarEntry(1, "Esc", "close"), [(.anyKey, .close)]),

    KeyBinding("any key", "close", in: .closable, bar: KeyBarEntry(0, "any key", "close"), [(.anyKey, .close)]),
    KeyBinding("", "writing…", in: .writing, bar: KeyBarEntry(0, "", "writing…"), [(.anyKey, .wait)]),
    KeyBinding("Esc", "cancel the check", in: .checking, bar: KeyBarEntry(0, "Esc", "cancel check"), [(.key(.escape), .cancel)]),
    KeyBinding("", "checking…", in: .checking, [(.anyKey, .wait)]),

    KeyBinding(
      "↑↓ PgUp PgDn", "scroll", in: .messages, bar: KeyBarEntry(0, "↑↓", "scroll"),
      [
        (.key(.up), .lineUp), (.key(.character("k")), .lineUp), (.key(.down), .lineDown), (.key(.character("j")), .lineDown),
        (.key(.pageUp), .pageUp), (.key(.pageDown), .pageDown),
      ]),
    KeyBinding("Home End", "first / last", in: .messages, [(.key(.home), .first), (.key(.end), .last)]),
    KeyBinding("Esc", "close", in: .messages, bar: KeyBarEntry(1, "Esc", "close"), [(.anyKey, .close)]),
  ]
}
