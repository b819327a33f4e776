/// The `KEY whitespace VALUE` shape shared by Postfix lookup-table sources.
///
/// `key` is the first run of non-space bytes (after any indentation), `value` the rest with
/// the separating and trailing whitespace (a CRLF `\r` included) removed. Either may be empty.
public struct KeyValueLine: Hashable, Sendable {
  public var indentation: Int
  public var key: String
  public var value: String

  init(_ body: [UInt8]) {
    let keyStart = Bytes.firstNonSpace(body)
    let keyEnd = Bytes.firstSpace(body, from: keyStart)
    let rest = Bytes.trimmed(body[keyEnd...])
    indentation = keyStart
    key = Bytes.string(body[keyStart..<keyEnd])
    value = Bytes.string(rest)
  }
}
