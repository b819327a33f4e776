/// The line terminator a file predominantly uses.
public enum LineEnding: String, Sendable, Codable {
  case lf
  case crlf

  /// Detects the style of `lines`: CRLF when most terminated lines end in `\r`.
  public static func detect(in lines: [Line]) -> LineEnding {
    let terminated = lines.filter(\.hasNewline)
    guard !terminated.isEmpty else { return .lf }
    let crlf = terminated.filter(\.isCRLF).count
    return crlf * 2 > terminated.count ? .crlf : .lf
  }
}
