extension AppState {
  /// The runner wrote the plan (or failed to): say so in a notice and the status line.
  mutating func writeFinished(_ result: Result<[FileStore.Receipt], WriteError>) -> [AppEffect] {
    switch result {
    case .success(let receipts):
      let envWritten = workspace.plan.files.contains { $0.kind == .envFile }
      workspace.markWritten()
      recompute()
      writeResult = .written(receipts)
      var lines = receipts.map(\.summary)
      lines.append("")
      lines.append("DMS reads config folder changes by itself (change detection) or at the next start.")
      if envWritten { lines.append("Env changes take effect when the container is recreated: docker compose up -d") }
      destination = .notice(Notice(title: "Written", lines: lines))
      status = StatusMessage("wrote \(receipts.count) file(s)", .success)
    case .failure(let error):
      writeResult = .failed(error)
      destination = .notice(
        Notice(
          title: "Nothing was written",
          lines: [error.description, "", "Your pending changes are kept: fix the cause and press w again."],
          isError: true))
      status = StatusMessage(error.description, .error)
    }
    return []
  }
}
