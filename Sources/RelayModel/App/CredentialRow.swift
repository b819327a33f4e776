/// One credential on the Credentials screen: a `postfix-sasl-password.cf` line or the
/// `RELAY_USER`/`RELAY_PASSWORD` pair, the senders that authenticate with it, and
/// whether anything uses it at all.
///
/// The password itself is not kept here: rows are drawn, and a password is never drawn.
public struct CredentialRow: Hashable, Sendable {
  public enum Origin: Hashable, Sendable {
    /// A 1-based line of `postfix-sasl-password.cf`.
    case file(line: Int)
    /// `RELAY_USER`/`RELAY_PASSWORD`.
    case environment
  }

  /// `@domain`, `user@domain`, `[host]:port` or `host`.
  public var key: String
  public var user: String
  public var hasPassword: Bool
  public var origin: Origin
  /// Senders whose route authenticates with this entry.
  public var usedBy: [String]
  /// Why the entry does not work as it looks, when it does not.
  public var note: String?

  public var isUnused: Bool { usedBy.isEmpty }

  /// The sender domain of an `@domain` key, which the credentials dialog and `del-auth` edit.
  public var domain: String? {
    guard origin != .environment, key.hasPrefix("@"), key.count > 1 else { return nil }
    return String(key.dropFirst())
  }
}

extension CredentialRow {
  static func rows(configuration: Configuration, preview: RoutingPreview) -> [CredentialRow] {
    var rows: [CredentialRow] = []
    var rowByLine: [Int: Int] = [:]
    let ignored = preview.diagnostics.contains { $0.id == .saslFileIgnored }
    for (index, kind) in (configuration.saslPasswords?.kinds ?? []).enumerated() {
      var row: CredentialRow
      switch kind {
      case .credential(let key, let user, let password):
        row = CredentialRow(
          key: key, user: user, hasPassword: !password.isEmpty, origin: .file(line: index + 1), usedBy: [])
        if user.isEmpty { row.note = "empty user: SASL authentication fails" }
      case .credentialWithoutColon(let key, let value):
        row = CredentialRow(
          key: key, user: value, hasPassword: false, origin: .file(line: index + 1), usedBy: [],
          note: "no ':' in the value: Postfix takes it all as the user, with an empty password")
      default:
        continue
      }
      if ignored { row.note = "ignored: DMS \(preview.version.name) reads this file only when RELAY_HOST is set" }
      rowByLine[index + 1] = rows.count
      rows.append(row)
    }

    let env = configuration.environment(for: preview.version, path: .startup)
    var envRow: Int?
    if env.isSet("RELAY_USER") || env.isSet("RELAY_PASSWORD") {
      var row = CredentialRow(
        key: preview.version.family.rules.envCredentialsKey(env)?.key ?? env.envRelayHost, user: env["RELAY_USER"],
        hasPassword: !env["RELAY_PASSWORD"].isEmpty, origin: .environment, usedBy: [])
      if !env.hasEnvCredentials {
        row.note = "only one of RELAY_USER and RELAY_PASSWORD is set: DMS uses neither"
      }
      envRow = rows.count
      rows.append(row)
    }

    for route in preview.routes {
      switch route.authOrigin {
      case .file(_, let line)?:
        if let row = rowByLine[line] { rows[row].usedBy.append(route.sender) }
      case .environment?:
        if let envRow { rows[envRow].usedBy.append(route.sender) }
      default:
        break
      }
    }
    return rows
  }
}
