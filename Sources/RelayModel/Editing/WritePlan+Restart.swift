extension WritePlan {
  /// The sentence that says this plan's relay file changes wait for the next restart on
  /// `version` under `provisioner` (empty is `FILE`), or nil when change detection applies
  /// them or the plan changes no relay file (spec §3, "Change detection"). The TUI's write
  /// confirmation and the edit commands both show it.
  public func restartNote(version: DMSVersion?, provisioner: String) -> String? {
    let relayFiles = files.contains { $0.isChange && ($0.kind == .relayMap || $0.kind == .saslPasswords) }
    guard let version, relayFiles, !version.family.rules.changeDetectionReappliesRelayFiles(provisioner: provisioner)
    else { return nil }
    return version.family.rules.relayFilesApplyAtRestart(version: version, provisioner: provisioner) + "."
  }
}

extension LoadedConfiguration {
  /// `ACCOUNT_PROVISIONER` as DMS `version` sees it (15.1+ may read it from a file, spec §10).
  public func provisioner(on version: DMSVersion) -> String {
    configuration.environment(for: version, path: .startup)["ACCOUNT_PROVISIONER"]
  }
}
