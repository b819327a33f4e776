/// Report text as styled spans, appended in reading order; newlines are part of the text.
public struct StyledText: Hashable, Sendable {
  public private(set) var spans: [StyledSpan] = []

  public init() {}

  public mutating func append(_ text: String, _ style: TextStyle = .plain) {
    spans.append(StyledSpan(text, style))
  }

  public mutating func append(contentsOf other: StyledText) {
    spans.append(contentsOf: other.spans)
  }

  /// The text without styles, as a pipe receives it.
  public var plain: String { spans.map(\.text).joined() }
}
