/// An index of line prefixes that answers DMS's `grep -q "^@domain…"` questions in time
/// proportional to the domain, not to the file (spec §3 step 4 greps once per domain; with
/// 100,000 domains a linear scan each time would be quadratic).
///
/// It is a byte trie stored in flat arrays (about 13 bytes a node) holding each line's first
/// `depthLimit` bytes. A domain's `.` matches any byte, so a lookup branches only there.
struct LinePrefixIndex {
  /// What must follow the matched `^@domain` for the line to count.
  enum Ending {
    /// `\b` (GNU grep, C locale): a word/non-word change, or end of line after a word byte.
    case wordBoundary
    /// `\s+`: at least one whitespace byte.
    case whitespace
    /// End of line (the caller inserted lines with surrounding whitespace removed).
    case endOfLine
  }

  private var firstChild: [Int32] = [-1]
  private var nextSibling: [Int32] = [-1]
  private var byte: [UInt8] = [0]
  /// Lines passing through each node (so removal can hide a branch).
  private var passCount: [Int32] = [0]
  /// Lines ending exactly at each node.
  private var endCount: [Int32] = [0]
  let depthLimit: Int

  init(depthLimit: Int) {
    self.depthLimit = depthLimit
  }

  private func child(of node: Int, byte b: UInt8) -> Int {
    var c = Int(firstChild[node])
    while c >= 0 {
      if byte[c] == b { return c }
      c = Int(nextSibling[c])
    }
    return -1
  }

  private mutating func childOrNew(of node: Int, byte b: UInt8) -> Int {
    let existing = child(of: node, byte: b)
    if existing >= 0 { return existing }
    let new = byte.count
    byte.append(b)
    firstChild.append(-1)
    nextSibling.append(firstChild[node])
    passCount.append(0)
    endCount.append(0)
    firstChild[node] = Int32(new)
    return new
  }

  mutating func insert(_ line: some Collection<UInt8>) {
    update(line, by: 1)
  }

  mutating func remove(_ line: some Collection<UInt8>) {
    update(line, by: -1)
  }

  private mutating func update(_ line: some Collection<UInt8>, by delta: Int32) {
    var node = 0
    var depth = 0
    passCount[0] += delta
    for b in line {
      if depth == depthLimit { return }
      node = childOrNew(of: node, byte: b)
      passCount[node] += delta
      depth += 1
    }
    endCount[node] += delta
  }

  /// Whether some indexed line starts with `pattern` followed by `ending`.
  func matches(_ pattern: DomainPattern, ending: Ending) -> Bool {
    precondition(pattern.atoms.count < depthLimit, "LinePrefixIndex depth too small for the pattern")
    return search(node: 0, atomIndex: 0, pattern.atoms, ending)
  }

  private func search(node: Int, atomIndex: Int, _ atoms: [DomainPattern.Atom], _ ending: Ending) -> Bool {
    if atomIndex == atoms.count { return endMatches(node: node, ending) }
    switch atoms[atomIndex] {
    case .literal(let b):
      let c = child(of: node, byte: b)
      return c >= 0 && passCount[c] > 0 && search(node: c, atomIndex: atomIndex + 1, atoms, ending)
    case .any:
      var c = Int(firstChild[node])
      while c >= 0 {
        if passCount[c] > 0, search(node: c, atomIndex: atomIndex + 1, atoms, ending) { return true }
        c = Int(nextSibling[c])
      }
      return false
    }
  }

  private func anyChild(of node: Int, where predicate: (UInt8) -> Bool) -> Bool {
    var c = Int(firstChild[node])
    while c >= 0 {
      if passCount[c] > 0, predicate(byte[c]) { return true }
      c = Int(nextSibling[c])
    }
    return false
  }

  private func endMatches(node: Int, _ ending: Ending) -> Bool {
    switch ending {
    case .endOfLine:
      return endCount[node] > 0
    case .whitespace:
      return anyChild(of: node, where: Bytes.isSpace)
    case .wordBoundary:
      // node > 0 always: the pattern starts with '@'.
      if Bytes.isWord(byte[node]) {
        return endCount[node] > 0 || anyChild(of: node) { !Bytes.isWord($0) }
      }
      return anyChild(of: node, where: Bytes.isWord)
    }
  }
}
