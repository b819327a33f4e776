/// The help overlay's text (`?`): every key, grouped.
public enum HelpContent {
  public struct Section: Hashable, Sendable {
    public var title: String
    public var keys: [KeyHint]
  }

  public static let sections: [Section] = [
    Section(
      title: "Screens and moving",
      keys: [
        KeyHint("1–5", "switch screen"), KeyHint("←→ h l", "previous / next"),
        KeyHint("↑↓ j k", "move"), KeyHint("PgUp PgDn", "page"), KeyHint("Home End", "first / last"),
        KeyHint("/", "filter (Esc clears)"),
      ]),
    Section(
      title: "Changes (pending until w)",
      keys: [
        KeyHint("a", "add"), KeyHint("e Enter", "edit"), KeyHint("d", "delete (asks)"),
        KeyHint("x", "opt out / back in"), KeyHint("E", "relay env variables"),
        KeyHint("u", "undo"), KeyHint("w", "write (lists files, y)"),
      ]),
    Section(
      title: "Preview",
      keys: [
        KeyHint("v", "cycle DMS version"), KeyHint("c", "compare versions"),
        KeyHint("t", "route an address"), KeyHint("i", "all diagnostics"),
      ]),
    Section(
      title: "Dialogs",
      keys: [
        KeyHint("Tab S-Tab", "next / previous field"), KeyHint("Space", "toggle"),
        KeyHint("^R", "show / hide password"), KeyHint("Enter", "save (when valid)"), KeyHint("Esc", "cancel"),
      ]),
    Section(title: "Leaving", keys: [KeyHint("q", "quit (asks if unsaved)"), KeyHint("?", "this help")]),
  ]
}
