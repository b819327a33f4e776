/// `postfix-master.cf`: `service/type/parameter = value` lines DMS passes one by one to
/// `postconf -P` at every container start (spec §8), setting `-o parameter=value` on that
/// `master.cf` service.
///
/// DMS only passes lines that start with `[0-9a-z]`; v14+ first drops blank and comment
/// lines and appends a missing final newline, while v11–v13's `while read` loop never sees
/// an unterminated last line.
public struct PostfixMasterCfFile: Hashable, Sendable {
  public static let fileName = "postfix-master.cf"

  /// One `-o` override of one service.
  public struct Override: Hashable, Sendable {
    /// `service/type`, e.g. `smtp/unix`.
    public var service: String
    public var parameter: String
    public var value: String
    public var line: Int
  }

  public var document: TextDocument

  public init(document: TextDocument = TextDocument()) { self.document = document }
  public init(bytes: [UInt8]) { self.init(document: TextDocument(bytes: bytes)) }
  public init(text: String) { self.init(bytes: Array(text.utf8)) }

  /// The overrides DMS applies on `family`, in order (later ones win).
  public func overrides(family: VersionFamily) -> [Override] {
    var result: [Override] = []
    // v14+ reads the file through `_get_valid_lines_from_file`, which appends the newline.
    let readsUnterminatedLastLine = family >= .v14plus
    for (index, line) in document.lines.enumerated() {
      if !line.hasNewline, !readsUnterminatedLastLine { continue }
      let body = Bytes.trimmedForRead(line.body[...])
      guard let first = body.first, (0x30...0x39).contains(first) || (0x61...0x7A).contains(first),
        let equals = body.firstIndex(of: UInt8(ascii: "="))
      else { continue }
      let name = Bytes.string(Bytes.trimmed(body[..<equals])).split(separator: "/", omittingEmptySubsequences: false)
      guard name.count == 3 else { continue }
      result.append(
        Override(
          service: "\(name[0])/\(name[1])", parameter: String(name[2]),
          value: Bytes.string(Bytes.trimmed(body[(equals + 1)...])), line: index + 1))
    }
    return result
  }
}
