/// Work the reducer asks the runner to do, as data so tests can compare it. The runner
/// performs it and reports back with an action (`.write` → `.writeFinished`).
public enum AppEffect: Hashable, Sendable {
  /// Write the plan with `FileStore` (atomic, with backups, refusing changed files).
  case write(WritePlan)
  /// Read the configuration again (after the wizard wrote it); answered by `.reloaded`.
  case reload
  /// Restore the terminal and exit.
  case quit
  /// Hold the live checks (RelayLive) in the background; answered step by step with
  /// `.checkStepStarted` and `.checkFinished`.
  case check(CheckRequest)
  /// Cancel the check run with this number (Esc); its connections close at once.
  case cancelCheck(run: Int)
  /// Read the mail log once (screen 6 opened); answered by `.mailLogRead`.
  case readMailLog
  /// Read the mail log and keep following it, answering with `.mailLogRead` as it grows.
  case followMailLog
  case stopFollowingMailLog
  /// Repaint the whole terminal from scratch (Ctrl-L): another program wrote over it, or
  /// the SSH line garbled it. No state changes.
  case redrawScreen
  /// Read the files behind these `__FILE` container paths (an edit named them); answered by
  /// `.secretFilesRead`.
  case readSecretFiles([String])
}
