extension AppState {
  /// A command while a dialog is open: typing edits the focused field, Tab/Shift-Tab (or
  /// the arrows) move, Enter submits a valid dialog, Esc cancels, Ctrl-R reveals the password.
  mutating func dialogCommand(_ command: KeyCommand?, key: Key, _ dialog: inout Dialog) -> [AppEffect] {
    switch command {
    case .cancel?:
      destination = nil
      status = StatusMessage(dialog.kind == .routeAddress ? "" : "cancelled: nothing changed")
      return []
    case .nextField?:
      dialog.moveFocus(by: 1)
    case .previousField?:
      dialog.moveFocus(by: -1)
    case .revealPassword?:
      if let index = dialog.fields.firstIndex(where: { $0.name == .revealPassword }) {
        dialog.fields[index].isOn.toggle()
      }
    case .submit?:
      return submit(&dialog)
    case .typeText?, .toggleField?, .clearField?:
      if dialog.fields.indices.contains(dialog.focus), dialog.fields[dialog.focus].type(key) {
        dialog.error = nil
        dialog.validate()
        if dialog.kind == .routeAddress { updateRoute(&dialog) }
      }
    default:
      break
    }
    destination = .dialog(dialog)
    return []
  }

  /// Routes the typed address on the selected (and comparison) version, live.
  func updateRoute(_ dialog: inout Dialog) {
    let address = dialog.text(.address)
    guard SenderAddress(address) != nil else {
      dialog.routeResult = nil
      dialog.comparisonRouteResult = nil
      return
    }
    dialog.routeResult = derived.preview.route(address)
    dialog.comparisonRouteResult = derived.comparison?.route(address)
  }

  mutating func submit(_ dialog: inout Dialog) -> [AppEffect] {
    dialog.validate()
    guard dialog.isValid else {
      dialog.revealProblems()
      dialog.error = "fix the marked field first"
      destination = .dialog(dialog)
      return []
    }
    if dialog.kind == .routeAddress {
      destination = nil
      if let route = dialog.routeResult { status = StatusMessage("\(route.sender): \(route.summary)") }
      return []
    }
    let workspace = self.workspace
    let submission = dialog.submission(
      envLocation: { workspace.envLocation(for: $0) },
      currentPassword: { key in
        for case .credential(let k, _, let password) in workspace.configuration.saslPasswords?.kinds ?? [] where k == key {
          return password
        }
        return nil
      })
    if dialog.kind == .environment {
      let missing = submission.edits.compactMap { edit -> String? in
        guard case .none = workspace.envLocation(for: Self.envKey(edit)) else { return nil }
        return Self.envKey(edit)
      }
      if let key = missing.first {
        dialog.error = EditError.noEnvFile(key: key).description
        destination = .dialog(dialog)
        return []
      }
    }
    if submission.edits.isEmpty && submission.composeAssignments.isEmpty {
      destination = nil
      status = StatusMessage("nothing changed")
      return []
    }
    if !submission.edits.isEmpty, let error = applyEdits(submission.edits) {
      dialog.error = error
      destination = .dialog(dialog)
      return []
    }
    destination = nil
    if let domain = submission.edits.first?.domain { reveal(domain: domain) }
    if !submission.composeAssignments.isEmpty, let compose = workspace.loaded.compose {
      let notice = Self.snippetNotice(submission.composeAssignments, compose: compose)
      composeSnippet = notice
      destination = .notice(notice)
      status = StatusMessage("S shows the compose snippet again")
    }
    return []
  }

  /// Selects the row of `domain` on the current screen, so an added entry is in view.
  mutating func reveal(domain: String) {
    let folded = domain.lowercased()
    let index: Int?
    switch tab {
    case .domains, .routing: index = derived.domains.firstIndex { $0.name.lowercased() == folded }
    case .credentials: index = derived.credentials.firstIndex { $0.key.lowercased() == "@" + folded }
    case .relays, .changes, .observed: index = nil
    }
    guard let index, let position = visibleRows(tab).position(of: index) else { return }
    var current = self.position(tab)
    current.select(position, count: visibleRows(tab).count, height: layout.listRows)
    positions[tab] = current
  }

  static func envKey(_ edit: RelayEdit) -> String {
    switch edit {
    case .setEnv(let key, _), .unsetEnv(let key): return key
    default: return ""
    }
  }

  /// The compose snippet for variables set inline there. A password is replaced by a
  /// placeholder: the snippet is drawn on screen, and a password never is.
  static func snippetNotice(_ assignments: [Dialog.ComposeAssignment], compose: ComposeService) -> Notice {
    let shown = assignments.map { assignment -> (key: String, value: String?) in
      if RelayEnvironment.secretKeys.contains(assignment.key), assignment.value != nil {
        return (assignment.key, "<your password>")
      }
      return (assignment.key, assignment.value)
    }
    var lines = ["These variables are set inline in \(compose.file); dms-relay does not rewrite compose files.", "Paste this into its 'environment:' (replacing the old entries):", ""]
    lines += compose.snippet(setting: shown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.append("Then recreate the container: docker compose up -d")
    return Notice(title: "Compose snippet", lines: lines)
  }
}
