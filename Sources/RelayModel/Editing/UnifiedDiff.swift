/// A unified diff (`diff -u` style) between two versions of a file, for previews and
/// `--dry-run`.
///
/// Lines are compared byte for byte (a CRLF line differs from its LF twin, a missing final
/// newline is a difference). Display is made unambiguous: a `\r` shows as `␍`, a last line
/// without newline is followed by `\ No newline at end of file`, and the redaction hides
/// secrets in shown lines (the comparison itself uses the real bytes, so a changed password
/// still shows as a changed line). The algorithm is Myers' O(ND) bisection (as in
/// diff-match-patch), after trimming the common head and tail, so a small edit to a
/// 100 000-line file is fast.
public enum UnifiedDiff {
  public enum Operation: Hashable, Sendable {
    case equal(old: Int, new: Int)
    case delete(old: Int)
    case insert(new: Int)
  }

  /// The diff text, or "" when the files are equal (and `oldExists`).
  public static func render(
    old: [UInt8], new: [UInt8], name: String, oldExists: Bool = true, context: Int = 3,
    redaction: Redaction = .none
  ) -> String {
    let a = TextDocument(bytes: old).lines
    let b = TextDocument(bytes: new).lines
    let ops = operations(a, b)
    // Redacted by whole file, so a continuation line is hidden like the line it continues.
    let shownA = redaction.isIdentity ? a.map(\.body) : redaction.redactLines(a.map(\.body))
    let shownB = redaction.isIdentity ? b.map(\.body) : redaction.redactLines(b.map(\.body))
    guard ops.contains(where: { if case .equal = $0 { return false } else { return true } }) || !oldExists
    else { return "" }
    var out = oldExists ? "--- a/\(name)\n" : "--- /dev/null\n"
    out += "+++ b/\(name)\n"
    for hunk in hunks(ops, context: context) {
      let slice = ops[hunk]
      // Line numbers before the hunk on each side, for GNU diff's `start,count` header.
      var oldBefore = 0, newBefore = 0
      for op in ops[..<hunk.lowerBound] {
        switch op {
        case .equal: oldBefore += 1; newBefore += 1
        case .delete: oldBefore += 1
        case .insert: newBefore += 1
        }
      }
      var oldCount = 0, newCount = 0
      for op in slice {
        switch op {
        case .equal: oldCount += 1; newCount += 1
        case .delete: oldCount += 1
        case .insert: newCount += 1
        }
      }
      out += "@@ -\(range(oldBefore, oldCount)) +\(range(newBefore, newCount)) @@\n"
      let changedSecrets = changedSecrets(slice, a, b, redaction)
      for op in slice {
        switch op {
        case .equal(let o, _): out += show(" ", shownA[o], a[o].hasNewline)
        case .delete(let o): out += show("-", shownA[o], a[o].hasNewline)
        case .insert(let n):
          out += show("+", shownB[n], b[n].hasNewline, note: changedSecrets.contains(n) ? passwordChangedNote : "")
        }
      }
    }
    return out
  }

  /// `start,count` in GNU diff's convention: a count of 1 is omitted; an empty range names
  /// the line before it.
  static func range(_ before: Int, _ count: Int) -> String {
    switch count {
    case 0: return "\(before),0"
    case 1: return "\(before + 1)"
    default: return "\(before + 1),\(count)"
    }
  }

  /// One diff line: a `\r` shows as `␍`, other control characters escaped
  /// (`ControlEscaping`) so a hostile file cannot drive the terminal; `note` follows the line
  /// (a redacted password that changed).
  static func show(_ prefix: String, _ body: [UInt8], _ hasNewline: Bool, note: String = "") -> String {
    var text = prefix
    for scalar in String(decoding: body, as: UTF8.self).unicodeScalars {
      if scalar == "\r" {
        text.unicodeScalars.append("\u{240D}")
      } else if ControlEscaping.needsEscape(scalar) {
        text += ControlEscaping.escaped(scalar)
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    text += note + "\n"
    if !hasNewline { text += "\\ No newline at end of file\n" }
    return text
  }

  /// Index ranges into `ops` of the hunks: each change with `context` equal lines around
  /// it, changes closer than `2 * context` merged into one hunk.
  static func hunks(_ ops: [Operation], context: Int) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var current: Range<Int>?
    for (index, op) in ops.enumerated() {
      if case .equal = op { continue }
      if let open = current, index - open.upperBound <= 2 * context {
        current = open.lowerBound..<(index + 1)
      } else {
        if let open = current { result.append(open.lowerBound..<min(open.upperBound + context, ops.count)) }
        current = max(0, index - context)..<(index + 1)
      }
    }
    if let open = current { result.append(open.lowerBound..<min(open.upperBound + context, ops.count)) }
    return result
  }

  /// The edit script turning `a` into `b`.
  public static func operations(_ a: [Line], _ b: [Line]) -> [Operation] {
    var ids: [Line: Int] = [:]
    ids.reserveCapacity(a.count + b.count)
    func id(_ line: Line) -> Int {
      if let known = ids[line] { return known }
      let next = ids.count
      ids[line] = next
      return next
    }
    let x = a.map(id)
    let y = b.map(id)
    var ops: [Operation] = []
    ops.reserveCapacity(max(x.count, y.count) + 16)
    diff(x, 0..<x.count, y, 0..<y.count, into: &ops)
    return ops
  }

  static func diff(_ a: [Int], _ ar: Range<Int>, _ b: [Int], _ br: Range<Int>, into ops: inout [Operation]) {
    var aLo = ar.lowerBound, aHi = ar.upperBound, bLo = br.lowerBound, bHi = br.upperBound
    // Common head.
    while aLo < aHi, bLo < bHi, a[aLo] == b[bLo] {
      ops.append(.equal(old: aLo, new: bLo))
      aLo += 1
      bLo += 1
    }
    // Common tail (emitted after the middle).
    var tail = 0
    while aHi - tail > aLo, bHi - tail > bLo, a[aHi - tail - 1] == b[bHi - tail - 1] { tail += 1 }
    aHi -= tail
    bHi -= tail
    if aLo == aHi {
      for n in bLo..<bHi { ops.append(.insert(new: n)) }
    } else if bLo == bHi {
      for o in aLo..<aHi { ops.append(.delete(old: o)) }
    } else if let (x, y) = bisect(a, aLo..<aHi, b, bLo..<bHi) {
      diff(a, aLo..<x, b, bLo..<y, into: &ops)
      diff(a, x..<aHi, b, y..<bHi, into: &ops)
    } else {
      for o in aLo..<aHi { ops.append(.delete(old: o)) }
      for n in bLo..<bHi { ops.append(.insert(new: n)) }
    }
    for t in 0..<tail { ops.append(.equal(old: aHi + t, new: bHi + t)) }
  }

  /// Edit steps explored per region before giving up on a minimal diff.
  static let editStepLimit = 1500

  /// Finds the middle snake of Myers' algorithm; returns the split point in absolute indices.
  static func bisect(_ a: [Int], _ ar: Range<Int>, _ b: [Int], _ br: Range<Int>) -> (Int, Int)? {
    let n = ar.count, m = br.count
    let aLo = ar.lowerBound, bLo = br.lowerBound
    // Past `limit` edit steps the region is reported as replaced whole: still a correct
    // diff, just not a minimal one, and it keeps very different files fast.
    let maxD = min((n + m + 1) / 2, Self.editStepLimit)
    let offset = maxD
    let length = 2 * maxD + 2
    var v1 = [Int](repeating: -1, count: length)
    var v2 = [Int](repeating: -1, count: length)
    v1[offset + 1] = 0
    v2[offset + 1] = 0
    let delta = n - m
    let front = delta % 2 != 0
    var k1start = 0, k1end = 0, k2start = 0, k2end = 0
    for d in 0..<maxD {
      var k1 = -d + k1start
      while k1 <= d - k1end {
        let k1o = offset + k1
        var x1 = (k1 == -d || (k1 != d && v1[k1o - 1] < v1[k1o + 1])) ? v1[k1o + 1] : v1[k1o - 1] + 1
        var y1 = x1 - k1
        while x1 < n, y1 < m, a[aLo + x1] == b[bLo + y1] {
          x1 += 1
          y1 += 1
        }
        v1[k1o] = x1
        if x1 > n {
          k1end += 2
        } else if y1 > m {
          k1start += 2
        } else if front {
          let k2o = offset + delta - k1
          if k2o >= 0, k2o < length, v2[k2o] != -1, x1 >= n - v2[k2o] {
            return (aLo + x1, bLo + y1)
          }
        }
        k1 += 2
      }
      var k2 = -d + k2start
      while k2 <= d - k2end {
        let k2o = offset + k2
        var x2 = (k2 == -d || (k2 != d && v2[k2o - 1] < v2[k2o + 1])) ? v2[k2o + 1] : v2[k2o - 1] + 1
        var y2 = x2 - k2
        while x2 < n, y2 < m, a[aLo + n - x2 - 1] == b[bLo + m - y2 - 1] {
          x2 += 1
          y2 += 1
        }
        v2[k2o] = x2
        if x2 > n {
          k2end += 2
        } else if y2 > m {
          k2start += 2
        } else if !front {
          let k1o = offset + delta - k2
          if k1o >= 0, k1o < length, v1[k1o] != -1 {
            let x1 = v1[k1o]
            let y1 = offset + x1 - k1o
            if x1 >= n - x2 { return (aLo + x1, bLo + y1) }
          }
        }
        k2 += 2
      }
    }
    return nil
  }
}
