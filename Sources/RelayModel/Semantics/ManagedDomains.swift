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
    var stream: [UInt8] = []
    if let accounts {
      for line in accounts.document.lines {
        guard isValidForDomainScan(line.body), let domain = accountsDomain(line.body) else { continue }
        stream.append(contentsOf: domain)
        if line.hasNewline { stream.append(0x0A) }
      }
    }
    if let virtual {
      for line in virtual.document.lines {
        guard isValidForDomainScan(line.body), let domain = virtualDomain(line.body) else { continue }
        stream.append(contentsOf: domain)
        if line.hasNewline { stream.append(0x0A) }
      }
    }
    return sortedUniqueLines(of: stream).map { Bytes.trimmedForRead($0) }
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
    var collected: [UInt8] = []
    if let accounts {
      for line in accounts where DMSShell.isValidLine(line.body) {
        let account = line.body.prefix { $0 != UInt8(ascii: "|") }
        collected.append(contentsOf: cutField(2, of: Array(account)))
        collected.append(0x0A)
      }
    }
    if let virtual {
      for line in virtual where DMSShell.isValidLine(line.body) {
        let trimmed = Bytes.trimmedForRead(line.body[...])
        let field = Array(trimmed.prefix { $0 != 0x20 && $0 != 0x09 })
        let user = cutField(1, of: field)
        let domain = cutField(2, of: field)
        if user != domain {
          collected.append(contentsOf: domain)
          collected.append(0x0A)
        }
      }
    }
    if environment["ACCOUNT_PROVISIONER"] == "LDAP" {
      collected.append(contentsOf: Array((environment.derivedDomainName ?? "").utf8))
      collected.append(0x0A)
    }
    return sortedUniqueLines(of: collected)
      .filter { DMSShell.isValidLine($0) }
      .map { Bytes.trimmedForRead($0) }
  }

  /// `cut -d '@' -f N` on one line: the whole line when it has no `@`.
  static func cutField(_ n: Int, of bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "@")) else { return bytes }
    let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
    return n - 1 < parts.count ? Array(parts[n - 1]) : []
  }

  /// `sort -u` / `sort | uniq` in the C locale: byte order, duplicates dropped. The lines
  /// are slices of `stream` (100,000 domains, no copy of each).
  static func sortedUniqueLines(of stream: [UInt8]) -> [ArraySlice<UInt8>] {
    guard !stream.isEmpty else { return [] }
    var ranges: [Range<Int>] = []
    var start = 0
    for (index, byte) in stream.enumerated() where byte == 0x0A {
      ranges.append(start..<index)
      start = index + 1
    }
    if start < stream.count { ranges.append(start..<stream.count) }
    stream.withUnsafeBufferPointer { bytes in
      let base = bytes.baseAddress!
      ranges.sort { a, b in
        let order = memcmp(base + a.lowerBound, base + b.lowerBound, min(a.count, b.count))
        return order != 0 ? order < 0 : a.count < b.count
      }
    }
    var unique: [ArraySlice<UInt8>] = []
    unique.reserveCapacity(ranges.count)
    for range in ranges where unique.last.map({ !$0.elementsEqual(stream[range]) }) ?? true {
      unique.append(stream[range])
    }
    return unique
  }
}
