/// A key and what it does here, for the bottom key bar and the help overlay.
public struct KeyHint: Hashable, Sendable {
  public var key: String
  public var label: String
  /// Shown however narrow the terminal (help and quit).
  public var pinned: Bool
  /// The F-key that does the same ("F1"), shown when the bar has room.
  public var functionKey: String?

  public init(_ key: String, _ label: String, pinned: Bool = false, functionKey: String? = nil) {
    self.key = key
    self.label = label
    self.pinned = pinned
    self.functionKey = functionKey
  }
}
