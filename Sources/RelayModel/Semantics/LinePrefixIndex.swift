/// An index of line prefixes that answers DMS's `grep -q "^@domain…"` questions in time
/// proportional to the domain, not to the file (spec §3 step 4 greps once per domain; with
/// 100,000 domains a linear scan each time would be quadratic).
///
/// It is a byte trie over each line's first `depthLimit` bytes. A domain's `.` matches any
/// byte, so a lookup branches only there. Below the point where a line stops sharing its
/// prefix with any other, the trie keeps the rest of the line as one "tail" instead of a
/// chain of single-child nodes; a later line that shares part of a tail splits it one byte
/// at a time. That keeps the trie at a few nodes per line instead of one per byte (100,000
/// relay map lines made 2.5 million nodes, and building them was most of the generation).
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

  private struct Node {
    var firstChild: Int32 = -1
    var nextSibling: Int32 = -1
    /// Lines passing through this node (so removal can hide a branch).
    var passCount: Int32 = 0
    /// Lines ending exactly here, or for a tail node at the end of its tail.
    var endCount: Int32 = 0
    /// A tail node has no children: every line through it continues with the same
    /// `tailLength` bytes, stored at `tails[tailStart...]`.
    var tailStart: Int32 = 0
    var tailLength: Int32 = 0
    var byte: UInt8

    var isTail: Bool { tailLength > 0 }
  }

  private var nodes: [Node] = [Node(byte: 0)]
  private var tails: [UInt8] = []
  let depthLimit: Int

  /// `expectedLines`: how many lines will be inserted, to allocate for them at once.
  init(depthLimit: Int, expectedLines: Int = 0) {
    self.depthLimit = depthLimit
    nodes.reserveCapacity(2 * expectedLines + 1)
    tails.reserveCapacity(expectedLines * depthLimit)
  }

  private func child(of node: Int, byte b: UInt8) -> Int {
    var c = Int(nodes[node].firstChild)
    while c >= 0 {
      if nodes[c].byte == b { return c }
      c = Int(nodes[c].nextSibling)
    }
    return -1
  }

  private mutating func addChild(of parent: Int, _ node: Node) -> Int {
    var node = node
    node.nextSibling = nodes[parent].firstChild
    nodes.append(node)
    let index = nodes.count - 1
    nodes[parent].firstChild = Int32(index)
    return index
  }

  mutating func insert(_ line: some Collection<UInt8>) {
    update(line, by: 1)
  }

  mutating func remove(_ line: some Collection<UInt8>) {
    update(line, by: -1)
  }

  private mutating func update(_ line: some Collection<UInt8>, by delta: Int32) {
    if line.withContiguousStorageIfAvailable({ update($0, by: delta) }) == nil {
      Array(line).withUnsafeBufferPointer { update($0, by: delta) }
    }
  }

  private mutating func update(_ line: UnsafeBufferPointer<UInt8>, by delta: Int32) {
    let length = min(line.count, depthLimit)
    // A line cut at the depth limit ends below the trie: it is never "at end of line".
    let endDelta = line.count <= depthLimit ? delta : 0
    var node = 0
    var depth = 0
    nodes[0].passCount += delta
    while depth < length {
      if nodes[node].isTail {
        if tailEquals(node, line, from: depth, to: length) {
          nodes[node].endCount += endDelta
          return
        }
        split(node, passing: delta)
      }
      var c = child(of: node, byte: line[depth])
      if c < 0 {
        c = addChild(of: node, Node(byte: line[depth]))
        nodes[c].passCount = delta
        nodes[c].endCount = endDelta
        if depth + 1 < length {
          nodes[c].tailStart = Int32(tails.count)
          nodes[c].tailLength = Int32(length - depth - 1)
          tails.append(contentsOf: UnsafeBufferPointer(rebasing: line[(depth + 1)..<length]))
        }
        return
      }
      nodes[c].passCount += delta
      node = c
      depth += 1
    }
    if nodes[node].isTail { split(node, passing: delta) }
    nodes[node].endCount += endDelta
  }

  private func tailEquals(_ node: Int, _ line: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
    let start = Int(nodes[node].tailStart)
    guard Int(nodes[node].tailLength) == to - from else { return false }
    for i in 0..<(to - from) where tails[start + i] != line[from + i] { return false }
    return true
  }

  /// Turns tail node `node` into an ordinary node whose one child carries the rest of the
  /// tail. `delta` has already been counted in `node`'s pass count by the line arriving.
  private mutating func split(_ node: Int, passing delta: Int32) {
    let start = Int(nodes[node].tailStart)
    let length = Int(nodes[node].tailLength)
    var below = Node(byte: tails[start])
    below.passCount = nodes[node].passCount - delta
    below.endCount = nodes[node].endCount
    if length > 1 {
      below.tailStart = Int32(start + 1)
      below.tailLength = Int32(length - 1)
    }
    nodes[node].tailLength = 0
    nodes[node].endCount = 0
    _ = addChild(of: node, below)
  }

  /// Whether some indexed line starts with `pattern` followed by `ending`.
  func matches(_ pattern: DomainPattern, ending: Ending) -> Bool {
    precondition(pattern.count < depthLimit, "LinePrefixIndex depth too small for the pattern")
    return search(node: 0, atomIndex: 0, pattern, ending)
  }

  private func search(node: Int, atomIndex: Int, _ pattern: DomainPattern, _ ending: Ending) -> Bool {
    if nodes[node].isTail { return searchTail(node, atomIndex, pattern, ending) }
    if atomIndex == pattern.count { return endMatches(node: node, ending) }
    if let b = pattern.literal(at: atomIndex) {
      let c = child(of: node, byte: b)
      return c >= 0 && nodes[c].passCount > 0 && search(node: c, atomIndex: atomIndex + 1, pattern, ending)
    }
    var c = Int(nodes[node].firstChild)
    while c >= 0 {
      if nodes[c].passCount > 0, search(node: c, atomIndex: atomIndex + 1, pattern, ending) { return true }
      c = Int(nodes[c].nextSibling)
    }
    return false
  }

  /// `search` below a tail node, whose lines all continue with the tail's bytes.
  private func searchTail(_ node: Int, _ atomIndex: Int, _ pattern: DomainPattern, _ ending: Ending) -> Bool {
    let start = Int(nodes[node].tailStart)
    let length = Int(nodes[node].tailLength)
    let remaining = pattern.count - atomIndex
    guard remaining <= length else { return false }
    for k in 0..<remaining {
      if let b = pattern.literal(at: atomIndex + k), tails[start + k] != b { return false }
    }
    // The matched prefix ends `remaining` bytes into the tail: its last byte is `current`,
    // the byte after it (if the tail goes on) is `next`, and lines end there only at the
    // tail's end.
    let current = remaining == 0 ? nodes[node].byte : tails[start + remaining - 1]
    let next: UInt8? = remaining < length ? tails[start + remaining] : nil
    let endsHere = remaining == length && nodes[node].endCount > 0
    switch ending {
    case .endOfLine:
      return endsHere
    case .whitespace:
      return next.map(Bytes.isSpace) ?? false
    case .wordBoundary:
      if Bytes.isWord(current) { return endsHere || next.map { !Bytes.isWord($0) } ?? false }
      return next.map(Bytes.isWord) ?? false
    }
  }

  private func anyChild(of node: Int, where predicate: (UInt8) -> Bool) -> Bool {
    var c = Int(nodes[node].firstChild)
    while c >= 0 {
      if nodes[c].passCount > 0, predicate(nodes[c].byte) { return true }
      c = Int(nodes[c].nextSibling)
    }
    return false
  }

  private func endMatches(node: Int, _ ending: Ending) -> Bool {
    switch ending {
    case .endOfLine:
      return nodes[node].endCount > 0
    case .whitespace:
      return anyChild(of: node, where: Bytes.isSpace)
    case .wordBoundary:
      // node > 0 always: the pattern starts with '@'.
      if Bytes.isWord(nodes[node].byte) {
        return nodes[node].endCount > 0 || anyChild(of: node) { !Bytes.isWord($0) }
      }
      return anyChild(of: node, where: Bytes.isWord)
    }
  }
}
