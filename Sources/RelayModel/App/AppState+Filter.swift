extension AppState {
  /// A command while typing a filter after `/`: the list follows every key; Enter keeps
  /// the filter, Esc brings the previous one back.
  mutating func filterCommand(_ command: KeyCommand?, key: Key, previous: String) -> [AppEffect] {
    switch command {
    case .submit?:
      destination = nil
      status = filter.isEmpty ? nil : StatusMessage("filter '\(filter)': Esc clears it")
    case .cancel?:
      filter = previous
      destination = nil
      refilter()
    case .deleteBackward?:
      if !filter.isEmpty {
        filter.removeLast()
        refilter()
      }
    case .clearField?:
      filter = ""
      refilter()
    case .typeText?:
      if case .character(let c) = key {
        filter.append(c)
        refilter()
      }
    default:
      break
    }
    return []
  }
}
