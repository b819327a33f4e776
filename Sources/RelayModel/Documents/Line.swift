/// One physical line of a configuration file, kept byte for byte.
///
/// `body` is everything before the `\n` terminator — a trailing `\r` of a CRLF line stays
/// in `body`, because that is exactly what DMS's `sed`/`grep` see (spec §4: "CRLF in the
/// relaymap: `\r` stays in the relay value"). `hasNewline` is false only for a last line
/// that the file does not terminate.
public struct Line: Hashable, Sendable {
  public var body: [UInt8]
  public var hasNewline: Bool

  public init(body: [UInt8], hasNewline: Bool = true) {
    self.body = body
    self.hasNewline = hasNewline
  }

  public init(_ text: String, hasNewline: Bool = true) {
    self.init(body: Array(text.utf8), hasNewline: hasNewline)
  }

  /// Whether the body ends in `\r`, i.e. the line was terminated CRLF.
  public var isCRLF: Bool { body.last == 0x0D }

  /// The body without a trailing `\r`: what a human means by the line's text.
  public var content: [UInt8] { isCRLF ? Array(body.dropLast()) : body }

  /// The body decoded for display and matching (invalid UTF-8 becomes U+FFFD; the bytes
  /// themselves are never rewritten from this).
  public var text: String { String(decoding: body, as: UTF8.self) }

  /// `content` decoded, without the `\r`.
  public var contentText: String { String(decoding: content, as: UTF8.self) }

  /// The exact bytes this line occupies in its file.
  public var bytes: [UInt8] { hasNewline ? body + [0x0A] : body }
}
