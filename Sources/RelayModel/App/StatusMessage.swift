/// The last thing the UI has to say, shown in the status line until the next one.
public struct StatusMessage: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case info, success, warning, error }

  public var text: String
  public var kind: Kind

  public init(_ text: String, _ kind: Kind = .info) {
    self.text = text
    self.kind = kind
  }
}
