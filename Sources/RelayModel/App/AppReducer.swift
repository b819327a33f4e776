/// The whole UI's behaviour: given the state and what happened, change the state and
/// return the effects to perform. Pure: no I/O, no clock, no terminal.
///
/// ```swift
/// var state = AppState(workspace: Workspace(loaded), version: v, size: Size(rows: 24, columns: 80))
/// let effects = reduce(into: &state, action: .keyPressed(.character("w")))
/// ```
public func reduce(into state: inout AppState, action: AppAction) -> [AppEffect] {
  switch action {
  case .resized(let size):
    state.size = size
    for tab in Tab.allCases { state.clampPosition(tab) }
    return []
  case .writeFinished(let result):
    return state.writeFinished(result)
  case .keyPressed(let key):
    switch state.destination {
    case nil: return state.browseKey(key)
    case .dialog(var dialog): return state.dialogKey(key, &dialog)
    case .confirm(let confirmation): return state.confirmKey(key, confirmation)
    case .filter(let previous): return state.filterKey(key, previous: previous)
    case .help:
      state.destination = nil
      return []
    case .diagnostics(let scroll): return state.diagnosticsKey(key, scroll: scroll)
    case .writing:
      state.status = StatusMessage("writing… please wait")
      return []
    case .notice:
      state.destination = nil
      return []
    }
  }
}

extension AppState {
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

  mutating func filterKey(_ key: Key, previous: String) -> [AppEffect] {
    switch key {
    case .enter:
      destination = nil
      status = filter.isEmpty ? nil : StatusMessage("filter '\(filter)': Esc clears it")
    case .escape:
      filter = previous
      destination = nil
      refilter()
    case .backspace:
      if !filter.isEmpty {
        filter.removeLast()
        refilter()
      }
    case .control("u"):
      filter = ""
      refilter()
    case .character(let c):
      filter.append(c)
      refilter()
    default:
      break
    }
    return []
  }

  mutating func diagnosticsKey(_ key: Key, scroll: Int) -> [AppEffect] {
    let last = max(derived.preview.diagnostics.count - 1, 0)
    switch key {
    case .up, .character("k"): destination = .diagnostics(scroll: max(scroll - 1, 0))
    case .down, .character("j"): destination = .diagnostics(scroll: min(scroll + 1, last))
    case .home: destination = .diagnostics(scroll: 0)
    case .end: destination = .diagnostics(scroll: last)
    default: destination = nil
    }
    return []
  }
}
