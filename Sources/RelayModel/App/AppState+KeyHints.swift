extension AppState {
  /// The keys that do something right now, most useful first, for the bottom key bar.
  public var keyHints: [KeyHint] {
    switch destination {
    case .dialog(let dialog):
      var hints = [KeyHint("Tab", "next"), KeyHint("S-Tab", "back")]
      hints.append(KeyHint("Enter", dialog.kind == .routeAddress ? "done" : "save"))
      hints.append(KeyHint("Esc", "cancel"))
      if dialog.fields.indices.contains(dialog.focus), dialog.fields[dialog.focus].isToggle {
        hints.insert(KeyHint("Space", "toggle"), at: 0)
      }
      if dialog.field(.revealPassword) != nil { hints.append(KeyHint("^R", "show password")) }
      hints.append(KeyHint("^U", "clear field"))
      return hints
    case .confirm:
      return [KeyHint("y", "yes"), KeyHint("n", "no"), KeyHint("Esc", "cancel")]
    case .filter:
      return [KeyHint("type", "filter"), KeyHint("Enter", "keep"), KeyHint("Esc", "undo filter"), KeyHint("^U", "clear")]
    case .help, .notice:
      return [KeyHint("any key", "close")]
    case .diagnostics:
      return [KeyHint("↑↓", "scroll"), KeyHint("Esc", "close")]
    case .writing:
      return [KeyHint("", "writing…")]
    case nil:
      return browseHints
    }
  }

  var browseHints: [KeyHint] {
    var hints = [KeyHint("↑↓", "move")]
    switch tab {
    case .domains:
      hints += [KeyHint("a", "add"), KeyHint("e", "edit"), KeyHint("d", "delete"), KeyHint("x", "opt-out")]
    case .relays:
      hints += [KeyHint("a", "add"), KeyHint("e", "edit"), KeyHint("d", "delete"), KeyHint("E", "env")]
    case .credentials:
      hints += [KeyHint("a", "add"), KeyHint("e", "edit"), KeyHint("d", "delete"), KeyHint("E", "env")]
    case .routing:
      hints += [KeyHint("t", "route address"), KeyHint("c", "compare"), KeyHint("e", "edit"), KeyHint("x", "opt-out")]
    case .changes:
      break
    }
    if tab != .changes { hints.append(KeyHint("/", filter.isEmpty ? "filter" : "filter*")) }
    hints.append(KeyHint("v", "version"))
    if workspace.hasPendingChanges {
      hints += [KeyHint("w", "write"), KeyHint("u", "undo")]
    }
    hints += [KeyHint("i", "issues"), KeyHint("?", "help"), KeyHint("q", "quit")]
    return hints
  }
}
