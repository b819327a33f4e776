/// Small, exact models of the shell idioms DMS's relay scripts are built from.
enum DMSShell {
  /// `_get_valid_lines_from_file`'s filter: not `^\s*$` and not `^\s*#`.
  static func isValidLine(_ body: [UInt8]) -> Bool {
    !Bytes.isBlank(body) && !Bytes.isComment(body)
  }

  static func isValidLine(_ body: ArraySlice<UInt8>) -> Bool {
    guard let first = body.first(where: { !Bytes.isSpace($0) }) else { return false }
    return first != UInt8(ascii: "#")
  }

  /// What v14+'s `_convert_crlf_to_lf_if_necessary` + `_append_final_newline_if_missing`
  /// leave on disk, and whether they changed anything.
  ///
  /// `file` reports CRLF when a line ends in `\r\n`; then `sed 's|\r||g'` removes every
  /// `\r`. A file whose last byte is not `\n` (an empty file included) gets one appended.
  static func normalisedForV14(_ document: TextDocument) -> (document: TextDocument, changed: Bool) {
    let hasCRLF = document.lines.contains(where: { $0.hasNewline && $0.isCRLF })
    if !hasCRLF, !document.lines.isEmpty, document.hasFinalNewline { return (document, false) }
    var bytes = document.bytes
    let original = bytes
    if hasCRLF {
      bytes.removeAll { $0 == 0x0D }
    }
    if bytes.last != 0x0A { bytes.append(0x0A) }
    return (TextDocument(bytes: bytes), bytes != original)
  }
}
