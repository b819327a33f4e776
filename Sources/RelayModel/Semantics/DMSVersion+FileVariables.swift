/// Which DMS versions read `VAR__FILE` variables, and which of the values read survive into
/// change detection (spec §10).
extension DMSVersion {
  /// Whether this version reads `VAR__FILE` variables at container start: 15.1.0 and newer
  /// (`__environment_variables_from_files` in `startup/variables-stack.sh`, DMS #4359).
  /// `latest`, `stable` and the moving tag `15` name 15.1.0; `edge` has it too. Older
  /// versions leave `RELAY_PASSWORD__FILE` an ordinary, unused variable.
  public var readsVariablesFromFiles: Bool {
    switch family {
    case .edge: return true
    case .v11, .v12to13: return false
    case .v14plus:
      if isUnknownFuture || name == "latest" || name == "stable" { return true }
      let numbers = name.prefix { $0.isNumber || $0 == "." }.split(separator: ".").map { Int($0) ?? 0 }
      let major = numbers.first ?? 0
      // A bare major tag is the newest release of that major: `15` is 15.1.0.
      let minor = numbers.count > 1 ? numbers[1] : (major == DMSVersion.newestKnownMajor ? 1 : 0)
      return major > 15 || (major == 15 && minor >= 1)
    }
  }

  /// The variables DMS writes to `/etc/dms-settings` (the `VARS` array of
  /// `startup/variables-stack.sh`, 15.1.0 and master), limited to those that matter for
  /// relaying. `check-for-changes.sh` sources that file, so a value read from a file
  /// reaches change detection only for these; `RELAY_USER`, `RELAY_PASSWORD` and
  /// `RELAY_PORT` come from the container's own environment there (spec §10).
  public static let variablesInSettingsFile: Set<String> = [
    "RELAY_HOST", "DEFAULT_RELAY_HOST", "ACCOUNT_PROVISIONER", "OVERRIDE_HOSTNAME",
    "ENABLE_SRS", "SRS_DOMAINNAME", "SRS_EXCLUDE_DOMAINS", "SRS_SECRET", "SRS_SENDER_CLASSES",
  ]
}
