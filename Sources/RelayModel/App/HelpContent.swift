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
        KeyHint("1–5", "Domains, Relays, Credentials, Routing, Changes"),
        KeyHint("←→ h l", "previous / next screen"),
        KeyHint("↑↓ j k", "move"), KeyHint("PgUp PgDn", "page"), KeyHint("Home End g G", "first / last"),
        KeyHint("/", "filter the list (Esc clears)"),
      ]),
    Section(
      title: "Changing (pending until written)",
      keys: [
        KeyHint("a", "add a relay mapping / credentials"), KeyHint("e Enter", "edit the selected entry"),
        KeyHint("d", "delete the selected entry (asks)"), KeyHint("x", "opt the domain out of RELAY_HOST, or back in"),
        KeyHint("E", "relay environment variables"), KeyHint("u", "undo the last pending change"),
        KeyHint("w", "write all pending changes (lists the files, y confirms)"),
      ]),
    Section(
      title: "Preview",
      keys: [
        KeyHint("v", "cycle the DMS version previewed"), KeyHint("c", "compare with another version"),
        KeyHint("t", "route any address"), KeyHint("i", "all diagnostics with their fixes"),
      ]),
    Section(
      title: "Dialogs",
      keys: [
        KeyHint("Tab S-Tab", "next / previous field"), KeyHint("Space", "toggle"),
        KeyHint("^R", "show / hide the password"), KeyHint("Enter", "save (only when valid)"),
        KeyHint("Esc", "cancel"),
      ]),
    Section(title: "", keys: [KeyHint("q", "quit (asks when changes are unsaved)"), KeyHint("?", "this help")]),
  ]
}
