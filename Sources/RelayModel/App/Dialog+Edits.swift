extension Dialog {
  /// What submitting the dialog asks for: edits to apply to the workspace, and env
  /// assignments that live inline in the compose file (shown as a snippet to paste).
  public struct Submission: Hashable, Sendable {
    public var edits: [RelayEdit]
    /// `(key, value)`; value nil means remove.
    public var composeAssignments: [ComposeAssignment]
  }

  public struct ComposeAssignment: Hashable, Sendable {
    public var key: String
    public var value: String?
  }

  /// The edits of a valid dialog; `envLocation` says where each env variable lives.
  /// `currentPassword` gives the password the files hold for a credentials key (`@a.test`),
  /// kept when the dialog's password field is left empty while editing.
  func submission(
    envLocation: (String) -> LoadedConfiguration.EnvLocation, currentPassword: (String) -> String? = { _ in nil }
  ) -> Submission {
    switch kind {
    case .relayMapping:
      let domain = text(.domain)
      if field(.optOut)?.isOn == true {
        return Submission(edits: [.excludeDomain(domain: domain)], composeAssignments: [])
      }
      let port = (try? RelayEdit.parsePort(text(.port))) ?? 25
      return Submission(
        edits: [.addDomain(domain: domain, host: text(.host), port: port)], composeAssignments: [])
    case .credentials:
      var password = text(.password)
      if password.isEmpty, isEditing, let current = currentPassword("@\(text(.domain))") { password = current }
      return Submission(
        edits: [.addAuth(domain: text(.domain), user: text(.user), password: password)], composeAssignments: [])
    case .environment:
      var edits: [RelayEdit] = []
      var compose: [ComposeAssignment] = []
      for field in fields {
        guard case .env(let key) = field.name else { continue }
        let old = originalValues[key] ?? ""
        if key == "RELAY_PASSWORD", field.text.isEmpty { continue }
        guard field.text != old else { continue }
        let edit: RelayEdit = field.text.isEmpty ? .unsetEnv(key: key) : .setEnv(key: key, value: field.text)
        if case .composeInline = envLocation(key) {
          compose.append(ComposeAssignment(key: key, value: field.text.isEmpty ? nil : field.text))
        } else {
          edits.append(edit)
        }
      }
      return Submission(edits: edits, composeAssignments: compose)
    case .routeAddress:
      return Submission(edits: [], composeAssignments: [])
    }
  }
}
