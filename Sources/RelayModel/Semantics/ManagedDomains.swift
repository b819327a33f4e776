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
struct LineStream {
  private var lines: [ArraySlice<UInt8>] = []
  /// The line being printed, when the last piece had no newline.
  private var open: [UInt8]?

  init(capacity: Int) {
    lines.reserveCapacity(capacity)
  }

  mutating func append(_ piece: ArraySlice<UInt8>, terminated: Bool) {
    if var running = open {
      running.append(contentsOf: piece)
      if terminated {
        lines.append(running[...])
        open = nil
      } else {
        open = running
      }
    } else if terminated {
      lines.append(piece)
    } else {
      open = Array(piece)
    }
  }

  /// `sort -u` / `sort | uniq` in the C locale: byte order, duplicates dropped.
  func sortedUniqueLines() -> [ArraySlice<UInt8>] {
    var sorted = lines
    if let open, !open.isEmpty { sorted.append(open[...]) }
    sorted.sort(by: Self.precedes)
    var unique: [ArraySlice<UInt8>] = []
    unique.reserveCapacity(sorted.count)
    for line in sorted where unique.last.map({ Self.precedes($0, line) }) ?? true {
      unique.append(line)
    }
    return unique
  }

  /// Byte order, a prefix first (`memcmp`, then length).
  static func precedes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? order < 0 : a.count < b.count
      }
    }
  }
}
