#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How each DMS family collects the managed sender domains that `RELAY_HOST` maps.
///
/// The two families read the same files differently, and the differences are visible in
/// the generated table, so both are modelled literally (spec §3 step 4, §4).
enum ManagedDomains {
  /// v11–v13: `sed` extracts the domain part of accounts and virtual lines, the two outputs
  /// are read as one stream, then `sort -u` and `read -r`. A file without a final newline
  /// glues its last domain onto the next file's first (spec §4).
  static func legacyStream(accounts: AccountsFile?, virtual: VirtualFile?) -> [ArraySlice<UInt8>] {
    var stream = LineStream(capacity: accounts?.document.lines.count ?? 0)
    for line in accounts?.document.lines ?? [] {
      guard isValidForDomainScan(line.body), let domain = accountsDomain(line.body) else { continue }
      stream.append(domain, terminated: line.hasNewline)
    }
    for line in virtual?.document.lines ?? [] {
      guard isValidForDomainScan(line.body), let domain = virtualDomain(line.body) else { continue }
      stream.append(domain, terminated: line.hasNewline)
    }
    return stream.sortedUniqueLines().map { Bytes.trimmedForRead($0) }
  }

  /// `MATCH_VALID='^\s*[^#[:space:]]'`.
  static func isValidForDomainScan(_ body: [UInt8]) -> Bool {
    let i = Bytes.firstNonSpace(body)
    return i < body.count && body[i] != UInt8(ascii: "#")
  }

  /// `s/^[^@|]*@([^\|]+)\|.*$/\1/p`: the text between the first `@` and the next `|`.
  static func accountsDomain(_ body: [UInt8]) -> ArraySlice<UInt8>? {
    guard let at = body.firstIndex(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "|") }),
      body[at] == UInt8(ascii: "@")
    else { return nil }
    var end = at + 1
    while end < body.count, body[end] != UInt8(ascii: "|"), body[end] != UInt8(ascii: "\\") { end += 1 }
    guard end > at + 1, end < body.count, body[end] == UInt8(ascii: "|") else { return nil }
    return body[(at + 1)..<end]
  }

  /// `s/^\s*[^@[:space:]]*@(\S+)\s.*/\1/p`: the rest of the first field after its first `@`,
  /// which must be followed by whitespace (a lone `alias@d` line adds nothing).
  static func virtualDomain(_ body: [UInt8]) -> ArraySlice<UInt8>? {
    var i = Bytes.firstNonSpace(body)
    while i < body.count, body[i] != UInt8(ascii: "@"), !Bytes.isSpace(body[i]) { i += 1 }
    guard i < body.count, body[i] == UInt8(ascii: "@") else { return nil }
    let start = i + 1
    let end = Bytes.firstSpace(body, from: start)
    guard end > start, end < body.count else { return nil }
    return body[start..<end]
  }

  /// v14+: `/etc/postfix/vhost` as `_create_postfix_vhost` writes it (accounts via
  /// `IFS='|' read` + `cut -d@ -f2`, virtual via `read` + `cut`, LDAP's domain), then read
  /// back with `_get_valid_lines_from_file` and `read -r`.
  static func vhost(
    accounts: [Line]?, virtual: [Line]?, environment: RelayEnvironment
  ) -> [ArraySlice<UInt8>] {
    var collected = LineStream(capacity: accounts?.count ?? 0)
    for line in accounts ?? [] where DMSShell.isValidLine(line.body) {
      let account = line.body.prefix { $0 != UInt8(ascii: "|") }
      collected.append(cutField(2, of: account), terminated: true)
    }
    for line in virtual ?? [] where DMSShell.isValidLine(line.body) {
      let trimmed = Bytes.trimmedForRead(line.body[...])
      let field = trimmed.prefix { $0 != 0x20 && $0 != 0x09 }
      let domain = cutField(2, of: field)
      if !cutField(1, of: field).elementsEqual(domain) { collected.append(domain, terminated: true) }
    }
    if environment["ACCOUNT_PROVISIONER"] == "LDAP" {
      collected.append(Array((environment.derivedDomainName ?? "").utf8)[...], terminated: true)
    }
    return collected.sortedUniqueLines()
      .filter { DMSShell.isValidLine($0) }
      .map { Bytes.trimmedForRead($0) }
  }

  /// `cut -d '@' -f N` on one line: the whole line when it has no `@`.
  static func cutField(_ n: Int, of bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    guard bytes.contains(UInt8(ascii: "@")) else { return bytes }
    let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
    return n - 1 < parts.count ? parts[n - 1] : []
  }
}

/// What a shell pipeline prints, line by line: pieces each followed by a newline or not —
/// a piece without one runs on into the next, as the output of DMS's `sed` over a file
/// without a final newline does into the next file's (spec §4).
///
/// The bytes are kept back to back, so such a run-on line is simply contiguous, and sorting
/// 100,000 lines moves small descriptors compared by their first eight bytes.
struct LineStream {
  private var bytes: [UInt8] = []
  /// Where each terminated line ends in `bytes` (it starts where the one before ended).
  private var ends: [Int] = []

  init(capacity: Int) {
    ends.reserveCapacity(capacity)
    bytes.reserveCapacity(capacity * 24)
  }

  mutating func append(_ piece: ArraySlice<UInt8>, terminated: Bool) {
    bytes.append(contentsOf: piece)
    if terminated { ends.append(bytes.count) }
  }

  /// `sort -u` / `sort | uniq` in the C locale: byte order, duplicates dropped. The lines
  /// are slices of one buffer.
  func sortedUniqueLines() -> [ArraySlice<UInt8>] {
    sortedLines(unique: true)
  }

  /// The lines in byte order (`sort` in the C locale), duplicates kept unless `unique`.
  func sortedLines(unique: Bool) -> [ArraySlice<UInt8>] {
    var lines: [Descriptor] = []
    lines.reserveCapacity(ends.count + 1)
    var start = 0
    for end in ends {
      lines.append(Descriptor(bytes, start, end))
      start = end
    }
    // A last line without a newline (an empty one is no line).
    if start < bytes.count { lines.append(Descriptor(bytes, start, bytes.count)) }
    return bytes.withUnsafeBufferPointer { buffer in
      lines.sort { $0.precedes($1, in: buffer) }
      var sorted: [ArraySlice<UInt8>] = []
      sorted.reserveCapacity(lines.count)
      var previous: Descriptor?
      for line in lines where !unique || previous.map({ $0.precedes(line, in: buffer) }) ?? true {
        sorted.append(bytes[Int(line.start)..<Int(line.start + line.count)])
        previous = line
      }
      return sorted
    }
  }

  /// A line of `bytes`: where it is, and its first eight bytes as a big-endian number, which
  /// orders most pairs of lines without looking at the bytes.
  private struct Descriptor {
    var prefix: UInt64 = 0
    var start: Int32
    var count: Int32

    init(_ bytes: [UInt8], _ start: Int, _ end: Int) {
      self.start = Int32(start)
      count = Int32(end - start)
      for i in 0..<8 {
        prefix <<= 8
        if start + i < end { prefix |= UInt64(bytes[start + i]) }
      }
    }

    /// Byte order, a prefix first (`memcmp`, then length).
    func precedes(_ other: Descriptor, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      if prefix != other.prefix { return prefix < other.prefix }
      let common = Int(min(count, other.count))
      if common > 8 {
        let order = memcmp(bytes.baseAddress! + Int(start) + 8, bytes.baseAddress! + Int(other.start) + 8, common - 8)
        if order != 0 { return order < 0 }
      }
      return count < other.count
    }
  }
}
