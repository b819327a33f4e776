/// The outcome of the last `w` + `y`.
public enum WriteResult: Hashable, Sendable {
  case written([FileStore.Receipt])
  case failed(WriteError)
}
