extension AppState {
  /// A command while a yes/no question is open: `y` confirms, `n` or Esc cancels.
  mutating func confirmCommand(_ command: KeyCommand?, _ confirmation: Confirmation) -> [AppEffect] {
    switch command {
    case .confirm?:
      switch confirmation.purpose {
      case .write(let plan):
        destination = .writing(plan)
        status = StatusMessage("writing \(plan.files.count) file(s)…")
        return [.write(plan)]
      case .delete(let edits):
        destination = nil
        if let error = applyEdits(edits) { status = StatusMessage(error, .error) }
        return []
      case .quit:
        return [.quit]
      }
    case .write? where confirmation.purpose == .quit:
      let plan = workspace.plan
      quitsAfterWrite = true
      destination = .writing(plan)
      status = StatusMessage("writing \(plan.files.count) file(s), then quitting…")
      return [.write(plan)]
    case .decline?:
      destination = nil
      status = StatusMessage(
        {
          switch confirmation.purpose {
          case .write: return "write cancelled: nothing was written"
          case .delete: return "nothing removed"
          case .quit: return "not quitting"
          }
        }())
      return []
    default:
      return []
    }
  }
}
