/// What a piece of report text is, for whoever draws it: the CLI turns it into ANSI colour
/// (or nothing, for pipes and `NO_COLOR`), the screens into their styles.
///
/// The model says what text means and never how it looks, so no escape code lives here.
public enum TextStyle: Hashable, Sendable {
  case plain
  case bold
  case dim
  /// A route's outcome word (relayed, direct, deferred, bounced).
  case outcome(RouteOutcome)
  /// A diagnostic's severity word.
  case severity(Severity)
}

/// A run of text in one style.
public struct StyledSpan: Hashable, Sendable {
  public var text: String
  public var style: TextStyle

  public init(_ text: String, _ style: TextStyle = .plain) {
    self.text = text
    self.style = style
  }
}

/// Report text as styled spans, appended in reading order; newlines are part of the text.
public struct StyledText: Hashable, Sendable {
  public private(set) var spans: [StyledSpan] = []

  public init() {}

  public mutating func append(_ text: String, _ style: TextStyle = .plain) {
    spans.append(StyledSpan(text, style))
  }

  /// The text without styles, as a pipe receives it.
  public var plain: String { spans.map(\.text).joined() }
}
