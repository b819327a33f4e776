/// Writes pretty-printed JSON straight into a byte buffer: the one way every report writes
/// JSON, so one set of rules decides the layout and the escaping.
///
/// Layout: two spaces per level, members in the order written (the documented order; Foundation's
/// encoders sort or scramble keys), an empty object or array as `{}`/`[]`. Nothing is built
/// as a tree: `preview --json` streams 100,000 routes, in pieces written on several cores
/// (`continuing(_:insideArrayAt:hasMembers:)`).
///
/// ```swift
/// var json = JSONWriter(capacity: 256)
/// json.beginObject()
/// json.member("sender", "@a.test")
/// json.endObject()
/// ```
struct JSONWriter: ~Copyable {
  var bytes: ByteWriter
  /// How many objects and arrays are open.
  private var depth = 0
  /// Bit `d`: the container open at depth `d` has a member already (64 levels suffice: our
  /// documents have four).
  private var hasMembers: UInt64 = 0
  /// A key was just written: the value follows on its line.
  private var afterKey = false

  init(capacity: Int) {
    bytes = ByteWriter(capacity: capacity)
  }

  /// A writer that goes on writing members of an array `depth` levels deep that another
  /// writer opened, in `buffer`'s memory; `hasMembers`: whether that array has members
  /// before these.
  init(reusing buffer: ByteWriter.Buffer, insideArrayAt depth: Int, hasMembers: Bool) {
    bytes = ByteWriter(reusing: buffer)
    self.depth = depth
    if hasMembers { self.hasMembers = 1 << depth }
  }

  // MARK: Containers

  mutating func beginObject() {
    beginValue()
    bytes.append(UInt8(ascii: "{"))
    open()
  }

  mutating func endObject() { close(UInt8(ascii: "}")) }

  mutating func beginArray() {
    beginValue()
    bytes.append(UInt8(ascii: "["))
    open()
  }

  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Records that the array open at this depth got members from other writers
  /// (`init(reusing:insideArrayAt:hasMembers:)`), so it closes on its own line.
  mutating func markHasMembers() { hasMembers |= 1 << depth }

  /// The member's key; its value is written next.
  mutating func key(_ name: StaticString) {
    let length = name.utf8CodeUnitCount
    layOutMember(extra: length + 4) { at in
      at[0] = UInt8(ascii: "\"")
      (at + 1).update(from: name.utf8Start, count: length)
      at[length + 1] = UInt8(ascii: "\"")
      at[length + 2] = UInt8(ascii: ":")
      at[length + 3] = UInt8(ascii: " ")
      return length + 4
    }
    afterKey = true
  }

  // MARK: Values

  mutating func string(_ text: String) {
    beginValue()
    bytes.append(jsonString: text)
  }

  /// A string, or `null` for nil.
  mutating func string(_ text: String?) {
    if let text { string(text) } else { null() }
  }

  /// A string written in parts by `body` (escaped by the parts, which equals escaping the
  /// whole: escaping goes byte by byte), so no String of the whole is built.
  mutating func string(parts body: (inout ByteWriter) -> Void) {
    beginValue()
    bytes.append(UInt8(ascii: "\""))
    body(&bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  mutating func int(_ n: Int) {
    beginValue()
    bytes.append(decimal: n)
  }

  /// `true`/`false`, or `null` for nil.
  mutating func bool(_ value: Bool?) {
    beginValue()
    switch value {
    case true?: bytes.append("true")
    case false?: bytes.append("false")
    case nil: bytes.append("null")
    }
  }

  mutating func null() {
    beginValue()
    bytes.append("null")
  }

  /// An array of strings, or `null` for nil.
  mutating func strings(_ list: [String]?) {
    guard let list else { return null() }
    beginArray()
    for item in list { string(item) }
    endArray()
  }

  mutating func member(_ name: StaticString, _ text: String?) {
    key(name)
    string(text)
  }

  mutating func member(_ name: StaticString, strings list: [String]?) {
    key(name)
    strings(list)
  }

  /// Ends the writer, handing over its memory and what was written (a piece of a larger
  /// document).
  consuming func release() -> ByteWriter.Buffer {
    bytes.release()
  }

  /// The document and a final newline, as the commands print it, handed to `sink` (valid
  /// only during the call: no copy of a large document is made).
  consuming func finish(to sink: (UnsafeRawBufferPointer) -> Void) {
    bytes.append(0x0A)
    bytes.withBytes(sink)
  }

  /// The document and a final newline, as an array (tests and small documents).
  consuming func finish() -> [UInt8] {
    var all: [UInt8] = []
    finish { all = Array($0) }
    return all
  }

  // MARK: Layout

  private mutating func beginValue() {
    if afterKey {
      afterKey = false
    } else if depth > 0 {
      nextMember()
    }
  }

  /// The separator and indentation before a member.
  private mutating func nextMember() {
    layOutMember(extra: 0) { _ in 0 }
  }

  /// Writes the separator (`,` after a previous member) and the newline and indentation
  /// before a member, then up to `extra` bytes `body` writes after them, with one capacity
  /// check: `preview --json` lays out some 1.2 million members.
  private mutating func layOutMember(extra: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
    let bit: UInt64 = 1 << depth
    let comma = hasMembers & bit != 0
    hasMembers |= bit
    let spaces = 2 * depth
    precondition(spaces <= Self.spaces.utf8CodeUnitCount, "JSONWriter: nested deeper than 32 levels")
    bytes.appendInPlace(maximum: 2 + spaces + extra) { at in
      var next = 0
      if comma {
        at[0] = UInt8(ascii: ",")
        next = 1
      }
      at[next] = 0x0A
      next += 1
      (at + next).update(repeating: 0x20, count: spaces)
      next += spaces
      return next + body(at + next)
    }
  }

  private mutating func open() {
    depth += 1
    hasMembers &= ~(1 << depth)
  }

  private mutating func close(_ bracket: UInt8) {
    precondition(depth > 0, "JSONWriter: a container was closed that was never opened")
    if hasMembers & (1 << depth) != 0 {
      bytes.append(0x0A)
      indent(depth - 1)
    }
    bytes.append(bracket)
    depth -= 1
  }

  private static let spaces: StaticString = "                                                                "

  private mutating func indent(_ level: Int) {
    let count = 2 * level
    precondition(count <= Self.spaces.utf8CodeUnitCount, "JSONWriter: nested deeper than 32 levels")
    bytes.append(UnsafeRawBufferPointer(start: Self.spaces.utf8Start, count: count))
  }
}
