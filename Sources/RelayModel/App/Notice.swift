/// A message box closed by any key: a write's result, a compose snippet to paste.
public struct Notice: Hashable, Sendable {
  public var title: String
  public var lines: [String]
  public var isError: Bool

  public init(title: String, lines: [String], isError: Bool = false) {
    self.title = title
    self.lines = lines
    self.isError = isError
  }
}
