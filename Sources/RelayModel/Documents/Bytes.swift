/// Byte classes as GNU `grep`/`sed` see them in DMS's container (C locale).
///
/// DMS's scripts run without `LANG`, so `\s` is `[[:space:]]` of the C locale and a word
/// character (for `\b`) is `[A-Za-z0-9_]`; bytes above 0x7F are neither.
enum Bytes {
  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || (b >= 0x09 && b <= 0x0D)
  }

  static func isWord(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
  }

  /// ASCII lower-casing, as Postfix folds table keys.
  static func lower(_ b: UInt8) -> UInt8 {
    (b >= 0x41 && b <= 0x5A) ? b + 32 : b
  }

  static func firstNonSpace(_ bytes: [UInt8], from start: Int = 0) -> Int {
    var i = start
    while i < bytes.count, isSpace(bytes[i]) { i += 1 }
    return i
  }

  static func firstSpace(_ bytes: [UInt8], from start: Int) -> Int {
    var i = start
    while i < bytes.count, !isSpace(bytes[i]) { i += 1 }
    return i
  }

  /// The bytes with leading and trailing whitespace removed (bash `read -r` with default IFS
  /// trims space, tab and newline only; callers that need that use `trimmedForRead`).
  static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var lo = bytes.startIndex
    var hi = bytes.endIndex
    while lo < hi, isSpace(bytes[lo]) { lo += 1 }
    while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
    return bytes[lo..<hi]
  }

  /// What bash's `read -r VAR` keeps with the default IFS (space, tab, newline): leading and
  /// trailing IFS whitespace removed, a `\r` kept.
  static func trimmedForRead(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    func ifs(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }
    var lo = bytes.startIndex
    var hi = bytes.endIndex
    while lo < hi, ifs(bytes[lo]) { lo += 1 }
    while hi > lo, ifs(bytes[hi - 1]) { hi -= 1 }
    return bytes[lo..<hi]
  }

  static func string(_ bytes: some Collection<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// True for `^\s*$` (blank or whitespace-only, `\r` included).
  static func isBlank(_ bytes: [UInt8]) -> Bool {
    bytes.allSatisfy(isSpace)
  }

  /// True for `^\s*#`.
  static func isComment(_ bytes: [UInt8]) -> Bool {
    let i = firstNonSpace(bytes)
    return i < bytes.count && bytes[i] == UInt8(ascii: "#")
  }
}
