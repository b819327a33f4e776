extension Dialog {
  /// The relay mapping dialog. Its fields, in order: sender domain, relay host, port, then
  /// the opt-out toggle (issue 5).
  public static func relayMapping(
    domain: String = "", host: String = "", port: String = "587", optOut: Bool = false, isEditing: Bool = false
  ) -> Dialog {
    Dialog(
      kind: .relayMapping,
      title: isEditing ? "Edit relay for @\(domain)" : "Add relay mapping",
      fields: [
        DialogField(.domain, label: "Sender domain", text: domain, isLocked: isEditing, hint: "without '@'"),
        DialogField(.host, label: "Relay host", text: host, hint: "no brackets, no port"),
        DialogField(.port, label: "Port", text: port, hint: "587 = submission"),
        DialogField(
          .optOut, label: "Opt out", isToggle: true, isOn: optOut,
          hint: "send directly, not via RELAY_HOST"),
      ],
      isEditing: isEditing)
  }

  /// The credentials dialog: key (a sender domain), user, password (masked) and a toggle
  /// that reveals the password while typing.
  public static func credentials(domain: String = "", user: String = "", isEditing: Bool = false) -> Dialog {
    Dialog(
      kind: .credentials,
      title: isEditing ? "Credentials for @\(domain)" : "Add credentials",
      fields: [
        DialogField(.domain, label: "Sender domain", text: domain, isLocked: isEditing, hint: "key '@domain'"),
        DialogField(.user, label: "User", text: user),
        DialogField(.password, label: "Password", isSecret: true, hint: isEditing ? "empty keeps the current one" : nil),
        DialogField(.revealPassword, label: "Show password", isToggle: true),
      ],
      isEditing: isEditing)
  }

  /// The relay environment dialog. Each hint says where the variable is written: the env
  /// file, or a compose snippet to paste.
  public static func environment(
    _ environment: RelayEnvironment, location: (String) -> LoadedConfiguration.EnvLocation
  ) -> Dialog {
    let keys = ["RELAY_HOST", "RELAY_PORT", "RELAY_USER", "RELAY_PASSWORD", "DEFAULT_RELAY_HOST"]
    var original: [String: String] = [:]
    var fields: [DialogField] = []
    for key in keys {
      let isSecret = RelayEnvironment.secretKeys.contains(key)
      // The password is never put into a field: empty keeps it.
      let value = isSecret ? "" : environment[key]
      original[key] = value
      var hint: String
      switch location(key) {
      case .envFile(let path): hint = "→ \(Self.fileName(path))"
      case .composeInline(let file, _): hint = "→ snippet for \(Self.fileName(file))"
      case .none: hint = "no env file (--env-file)"
      }
      if isSecret, !environment[key].isEmpty { hint = "set; empty keeps it " + hint }
      var field = DialogField(.env(key), label: key, text: value, isSecret: isSecret, hint: hint)
      field.isPristine = false
      fields.append(field)
    }
    fields.append(DialogField(.revealPassword, label: "Show password", isToggle: true))
    return Dialog(kind: .environment, title: "Relay environment", fields: fields, originalValues: original)
  }

  /// `t`: route any address.
  public static func routeAddress(_ address: String = "") -> Dialog {
    Dialog(
      kind: .routeAddress, title: "Route an address",
      fields: [DialogField(.address, label: "Sender", text: address, hint: "user@domain")])
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
