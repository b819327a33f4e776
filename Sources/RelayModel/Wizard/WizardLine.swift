/// One line of a wizard report, with what it is (the screen picks the style).
public struct WizardLine: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case normal, dim, bold, heading, ok, warning, error, added, removed, hunk }
  public var text: String
  public var kind: Kind

  public init(_ text: String, _ kind: Kind = .normal) {
    self.text = text
    self.kind = kind
  }
}
