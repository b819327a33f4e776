extension KeyBindings {
  /// Ctrl-C arrives as a key (the terminal's interrupt character is off while the UI runs),
  /// so it can ask before unsaved changes are lost instead of killing the program without a
  /// word (issue 14). Browsing binds it on the quit row; these add it where something is open.
  static let interrupts: [KeyBinding] = [
    // On "Quit without writing?": write the pending changes, then quit (issue 14 fix 12).
    KeyBinding(
      "w", "write, then quit", in: .confirm, bar: KeyBarEntry(1, "w", "write & quit", when: .confirmsQuit),
      [(.key(.character("w")), .write)]),
    KeyBinding("^C", "quit (asks if unsaved)", in: .confirm, [(.key(.control("c")), .quit)]),
    KeyBinding("^C", "quit (asks if unsaved)", in: .filter, [(.key(.control("c")), .quit)]),
    KeyBinding("^C", "quit (asks if unsaved)", in: .diagnostics, [(.key(.control("c")), .quit)]),
    KeyBinding("^C", "quit (asks if unsaved)", in: .closable, [(.key(.control("c")), .quit)]),
    KeyBinding("^C", "leave (asks)", in: .wizard(walking, inField: nil), [(.key(.control("c")), .leaveSetup)]),
    KeyBinding("^C", "not now", in: .wizard([.offer], inField: nil), [(.key(.control("c")), .declineSetup)]),
    KeyBinding("^C", "finish", in: .wizard([.done], inField: nil), [(.key(.control("c")), .finishSetup)]),
  ]
}
