/// A key and what it does here, for the bottom key bar and the help overlay.
public struct KeyHint: Hashable, Sendable {
  public var key: String
  public var label: String

  public init(_ key: String, _ label: String) {
    self.key = key
    self.label = label
  }
}
