extension AppState {
  /// The runner wrote the plan (or failed to): say so in the status line (a failure also in
  /// a notice, which must be read).
  mutating func writeFinished(_ result: Result<[FileStore.Receipt], WriteError>) -> [AppEffect] {
    switch result {
    case .success(let receipts):
      // A status-line message, not a notice: a notice ate the next key (issue 14 fix 12).
      let envWritten = workspace.plan.files.contains { $0.kind == .envFile }
      workspace.markWritten()
      undoSteps = []
      redoSteps = []
      recompute()
      writeResult = .written(receipts)
      destination = nil
      var text = "wrote \(receipts.count) file(s): " + receipts.map(\.summary).joined(separator: "; ")
      if envWritten { text += " — env changed: recreate the container (docker compose up -d)" }
      status = StatusMessage(text, .success)
      if quitsAfterWrite { return [.quit] }
    case .failure(let error):
      quitsAfterWrite = false
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
