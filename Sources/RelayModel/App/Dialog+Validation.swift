extension Dialog {
  /// Re-checks every field with the same rules the edit applies (`RelayEdit.validate*`),
  /// storing the reason next to each field.
  mutating func validate() {
    let optOut = field(.optOut)?.isOn ?? false
    for index in fields.indices {
      let field = fields[index]
      fields[index].isDisabled = optOut && (field.name == .host || field.name == .port)
      fields[index].problem = Self.problem(field, in: self)
    }
  }

  static func problem(_ field: DialogField, in dialog: Dialog) -> String? {
    func reason(_ check: () throws(EditError) -> Void) -> String? {
      do {
        try check()
        return nil
      } catch {
        if case .invalid(_, _, let reason) = error { return reason }
        return error.description
      }
    }
    switch field.name {
    case .domain:
      return reason { () throws(EditError) in try RelayEdit.validateDomain(field.text) }
    case .host:
      return reason { () throws(EditError) in try RelayEdit.validateHost(field.text) }
    case .port:
      return reason { () throws(EditError) in _ = try RelayEdit.parsePort(field.text) }
    case .user:
      return reason { () throws(EditError) in try RelayEdit.validateUser(field.text) }
    case .password:
      // Editing: an empty field keeps the current password, so a user change needs no retyping.
      if dialog.kind == .credentials, dialog.isEditing, field.text.isEmpty { return nil }
      return reason { () throws(EditError) in try RelayEdit.validatePassword(field.text) }
    case .env(let key):
      // An empty password field keeps the current password (it is never shown).
      if key == "RELAY_PASSWORD", field.text.isEmpty { return nil }
      return reason { () throws(EditError) in try RelayEdit.validateEnvValue(field.text, key: key) }
    case .address:
      if field.text.isEmpty { return "is empty" }
      return SenderAddress(field.text) == nil ? "needs the form user@domain or @domain" : nil
    case .optOut, .revealPassword, .region:
      return nil
    }
  }
}
