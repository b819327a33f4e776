/// One change of a plan, with the one-line reason shown next to it.
public struct PlanStep: Hashable, Sendable, CustomStringConvertible {
  public enum Action: Hashable, Sendable {
    /// A change `setup relay` (or the env file) could make; written exactly as DMS writes it.
    case edit(RelayEdit)
    /// `[HOST]:PORT USER:PASSWORD` in `postfix-sasl-password.cf`: credentials keyed by the
    /// relay, which Postfix finds for every sender routed there (spec §5 step 2). `setup
    /// relay` cannot write this key; it replaces a line with the same key (any case).
    case addRelayAuth(host: String, port: Int, user: String, password: String)
    /// Removes the `postfix-sasl-password.cf` lines keyed `key` (a relay key such as
    /// `[host]:port` or `host`; letter case ignored, as Postfix ignores it).
    case delRelayAuth(key: String)
    /// A relay map `add-domain`/`exclude-domain` whose key is compared in its exact letter
    /// case. Used only where DMS itself manages a domain in two spellings: each spelling is
    /// its own key to DMS, so one keeps its entry and the others are opted out (DMS's
    /// `setup relay` would refuse, finding the other spelling with `grep -i`).
    case editExactCase(RelayEdit)
    /// Keeps the first line keyed `key` (case ignored) in `file` and removes the others:
    /// Postfix refuses a table with a duplicate key, and every lookup in it fails (spec §5).
    case removeDuplicateKeys(file: RelayEdit.Target, key: String)
    /// Ends the file's last line with a newline: DMS appends its generated relay map lines
    /// right after it, and without one the first is glued onto it (spec §4).
    case addFinalNewline(file: RelayEdit.Target)
    /// Creates `postfix-sasl-password.cf` with a comment only: DMS < 14 with `RELAY_HOST`
    /// and no credentials anywhere leaves Postfix without a password table (spec §4).
    case createSaslFile
  }

  public var action: Action
  /// Why the step is needed, in one line.
  public var reason: String

  public init(_ action: Action, reason: String) {
    self.action = action
    self.reason = reason
  }

  public var target: RelayEdit.Target {
    switch action {
    case .edit(let edit), .editExactCase(let edit): return edit.target
    case .removeDuplicateKeys(let file, _), .addFinalNewline(let file): return file
    case .addRelayAuth, .delRelayAuth, .createSaslFile: return .saslPasswords
    }
  }

  /// The underlying `RelayEdit`, when the step is one.
  public var edit: RelayEdit? {
    if case .edit(let edit) = action { return edit }
    return nil
  }

  public var isEnvironmentChange: Bool { target == .envFile }

  /// What the step does, without secrets (`set RELAY_HOST='smtp.example.com'`).
  public var summary: String {
    switch action {
    case .edit(let edit): return edit.summary
    case .addRelayAuth(let host, let port, let user, _):
      return "credentials for relay '\(RelayEdit.nextHop(host: host, port: port))' (user '\(user)')"
    case .editExactCase(let edit): return "\(edit.summary) (exact letter case)"
    case .removeDuplicateKeys(let file, let key):
      return "remove the repeated '\(key)' lines of \(file.configFileName ?? "the env file")"
    case .addFinalNewline(let file): return "end \(file.configFileName ?? "the env file") with a newline"
    case .delRelayAuth(let key): return "remove the credentials keyed '\(key)'"
    case .createSaslFile: return "create \(SaslPasswordFile.fileName) (comment only)"
    }
  }

  /// The file the step changes, for display (`postfix-relaymap.cf`, `env`).
  public var fileName: String { target.configFileName ?? "env" }

  public var description: String { "\(summary): \(reason)" }
}

/// Why a plan could not be made at all (as opposed to a plan that is only the closest one).
public enum PlanError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A domain, host, port, user or password the intent carries is not valid.
  case invalid(EditError)
  /// Port 465 expects TLS from the first byte, which DMS never configures (spec §4).
  case implicitTLSPort(host: String)
  /// The files are in a state the planner's edits cannot safely change.
  case cannotApply(EditError)

  public var description: String {
    switch self {
    case .invalid(let error): return error.description
    case .implicitTLSPort(let host):
      return PostfixFacts.implicitTLSRefusal(host: host)
    case .cannotApply(let error): return error.description
    }
  }
}
