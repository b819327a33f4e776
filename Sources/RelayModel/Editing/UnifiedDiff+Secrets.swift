extension UnifiedDiff {
  /// Said after an added line whose hidden secret differs from the removed line's with the
  /// same key: `-@a.test apikey:<redacted>` / `+@a.test apikey:<redacted>` said nothing.
  static let passwordChangedNote = "   (password changed)"

  /// For each added line in `slice` that the redaction hid a secret of, whether a removed
  /// line of the same key (`@a.test`, `RELAY_PASSWORD`) in the hunk hid a different one.
  static func changedSecrets(_ slice: ArraySlice<Operation>, _ a: [Line], _ b: [Line], _ redaction: Redaction) -> Set<Int> {
    var removed: [String: [UInt8]] = [:]
    for op in slice {
      if case .delete(let o) = op, let (key, secret) = secret(a[o], redaction) { removed[key] = secret }
    }
    guard !removed.isEmpty else { return [] }
    var changed = Set<Int>()
    for op in slice {
      guard case .insert(let n) = op, let (key, secret) = secret(b[n], redaction), let old = removed[key] else { continue }
      if old != secret { changed.insert(n) }
    }
    return changed
  }

  /// The key (first word, or an env name before `=`) and the hidden bytes of a redacted line.
  private static func secret(_ line: Line, _ redaction: Redaction) -> (String, [UInt8])? {
    let shown = redaction.redact(line.body)
    guard shown != line.body else { return nil }
    var body = line.body
    if body.last == 0x0D { body.removeLast() }
    var visible = shown
    if visible.last == 0x0D { visible.removeLast() }
    let placeholder = Array(Redaction.placeholder.utf8)
    guard visible.count >= placeholder.count else { return nil }
    let prefixCount = visible.count - placeholder.count
    let text = String(decoding: visible[..<prefixCount], as: UTF8.self)
    let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "#" }
    let key = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" }).first.map(String.init) ?? ""
    return (key, Array(body[min(prefixCount, body.count)...]))
  }
}
