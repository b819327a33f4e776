/// A yes/no question as the prompt box draws it, for the UI's confirmations and the
/// wizard's questions alike: a title, what will happen, the question, and what `y` and `n` do.
public struct PromptText: Hashable, Sendable {
  public var title: String
  public var lines: [String]
  /// Asked next to the keys; empty when the title already asks.
  public var question: String
  public var yes: String
  public var no: String

  public init(title: String, lines: [String], question: String = "", yes: String = "yes", no: String = "no") {
    self.title = title
    self.lines = lines
    self.question = question
    self.yes = yes
    self.no = no
  }
}
