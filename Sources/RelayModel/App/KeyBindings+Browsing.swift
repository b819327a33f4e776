extension KeyBindings {
  /// The five screens: moving, editing, previewing, leaving. Help lists all of these.
  static let browsing: [KeyBinding] = [
    KeyBinding(
      "1–6", "switch screen", in: .browsing, section: .screens,
      Tab.allCases.map { (.key(.character(Character(String($0.rawValue)))), .showTab($0)) }),
    KeyBinding(
      "→ l Tab", "next screen", in: .browsing, section: .screens,
      [
        (.key(.right), .nextTab), (.key(.character("l")), .nextTab), (.key(.tab), .nextTab),
      ]),
    KeyBinding(
      "← h S-Tab ^B", "previous screen (back)", in: .browsing, section: .screens,
      [
        (.key(.left), .previousTab), (.key(.character("h")), .previousTab), (.key(.backTab), .previousTab),
        (.key(.control("b")), .previousTab),
      ]),
    KeyBinding(
      "↑↓ j k", "move", in: .browsing, section: .screens, bar: KeyBarEntry(0, "↑↓", "move"),
      [
        (.key(.up), .lineUp), (.key(.character("k")), .lineUp), (.key(.down), .lineDown), (.key(.character("j")), .lineDown),
      ]),
    KeyBinding(
      "PgUp PgDn", "page up / down", in: .browsing, section: .screens,
      [
        (.key(.pageUp), .pageUp), (.key(.pageDown), .pageDown),
      ]),
    KeyBinding(
      "Space ^F", "page down", in: .browsing, section: .screens,
      [
        (.key(.character(" ")), .pageDown), (.key(.control("f")), .pageDown),
      ]),
    KeyBinding(
      "Home g End G", "first / last", in: .browsing, section: .screens,
      [
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
      "e Enter", "edit", in: .browse(editTabs), section: .changes, bar: KeyBarEntry(13, "e", "edit", only: .browse(listTabs)),
      [(.key(.character("e")), .edit), (.key(.enter), .edit)]),
    KeyBinding(
      "d Del", "delete (asks)", in: .browsing, section: .changes,
      bar: KeyBarEntry(14, "d", "delete", only: .browse(entryTabs)),
      [(.key(.character("d")), .delete), (.key(.delete), .delete)]),
    KeyBinding(
      "x", "opt out / back in", in: .browsing, section: .changes,
      bar: KeyBarEntry(15, "x", "opt-out", only: .browse([.domains, .routing])), [(.key(.character("x")), .toggleOptOut)]),
    KeyBinding(
      "E S", "env vars / snippet", in: .browsing, section: .changes,
      bar: KeyBarEntry(16, "E", "env", only: .browse([.relays, .credentials])),
      [(.key(.character("E")), .editEnvironment), (.key(.character("S")), .showSnippet)]),
    KeyBinding(
      "u ^R", "undo / redo", in: .browsing, section: .changes, bar: KeyBarEntry(31, "u", "undo", when: .hasPendingChanges),
      [(.key(.character("u")), .undo), (.key(.control("r")), .redo)]),
    KeyBinding(
      "w F2", "write (lists files, y)", in: .browsing, section: .changes,
      bar: KeyBarEntry(30, "w", "write", when: .hasPendingChanges, functionKey: "F2"),
      [(.key(.character("w")), .write), (.key(.function(2)), .write)]),

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
      "T ^T", "check row / all relays", in: .browse(checkTabs), section: .preview,
      bar: KeyBarEntry(17, "T", "check"), [(.key(.character("T")), .checkRoute), (.key(.control("t")), .checkAllRelays)]),
    KeyBinding(
      "Enter", "the domain's messages", in: .browse([.observed]), section: .observed,
      bar: KeyBarEntry(10, "Enter", "messages"), [(.key(.enter), .showMessages)]),
    KeyBinding(
      "f", "follow the log / stop", in: .browse([.observed]), section: .observed,
      bar: KeyBarEntry(11, "f", "follow", variants: [(.isFollowingLog, "stop following")]),
      [(.key(.character("f")), .toggleFollow)]),
    KeyBinding(
      "i", "all diagnostics", in: .browsing, section: .preview, bar: KeyBarEntry(40, "i", "issues"),
      [(.key(.character("i")), .showDiagnostics)]),

    KeyBinding(
      "q ^C F10", "quit (asks if unsaved)", in: .browsing, section: .leaving,
      bar: KeyBarEntry(42, "q", "quit", pinned: true, functionKey: "F10"),
      [(.key(.character("q")), .quit), (.key(.control("c")), .quit), (.key(.function(10)), .quit)]),
    KeyBinding(
      "? F1", "this help", in: .browsing, section: .leaving, bar: KeyBarEntry(41, "?", "help", pinned: true, functionKey: "F1"),
      [(.key(.character("?")), .showHelp), (.key(.function(1)), .showHelp)]),
  ]
}
