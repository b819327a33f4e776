import RelayModel

/// `?`: every key of the screens and dialogs, grouped, read from the key-binding table
/// (`KeyBindings.helpSections`), in two columns when the terminal is wide.
///
/// Sections stay whole; the two columns are split where they come out most even, with a
/// blank line between sections when the terminal is tall enough for them (at 80×24 every
/// binding fits without them).
enum HelpOverlay {
  /// The widest key label (" ← h S-Tab ^B") with its leading space.
  static let keyWidth = 13
  static let columnWidth = 36
  /// Two columns from this width on.
  static let twoColumnWidth = 76

  static func render<S: Surface>(into surface: inout S) {
    let columnCount = surface.size.columns >= twoColumnWidth ? 2 : 1
    let blocks = KeyBindings.helpSections.filter { !$0.bindings.isEmpty }.map(lines)
    // Room inside the box: the borders and the "press any key" line.
    let room = surface.size.rows - 3
    let split = columnCount == 2 ? evenSplit(blocks.map(\.count)) : blocks.count
    let spaced = height(blocks, split, separators: true) <= room
    let left = join(blocks[..<split], spaced: spaced)
    let right = join(blocks[split...], spaced: spaced)
    let rows = max(left.count, right.count)
    let width = columnCount * columnWidth + (columnCount - 1) * 2 + 4
    // The whole height if need be (the box covers the bars then).
    var box = Overlay.centred(width: width, height: rows + 3, in: surface.size)
    box.height = min(rows + 3, surface.size.rows)
    box.top = (surface.size.rows - box.height) / 2
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: "Keys")
    for (index, spans) in left.prefix(box.innerRows - 1).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: columnWidth)
    }
    for (index, spans) in right.prefix(box.innerRows - 1).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.innerLeft + columnWidth + 2), width: columnWidth)
    }
    surface.put("press any key", at: Point(row: box.top + box.height - 2, column: box.innerLeft), style: .dim)
  }

  /// The number of leading sections for the left column that makes the taller column shortest.
  static func evenSplit(_ counts: [Int]) -> Int {
    let total = counts.reduce(0, +)
    var best = (split: counts.count, height: total)
    var left = 0
    for split in 0...counts.count {
      if split > 0 { left += counts[split - 1] }
      let taller = max(left, total - left)
      if taller < best.height { best = (split, taller) }
    }
    return best.split
  }

  static func height(_ blocks: [[[Span]]], _ split: Int, separators: Bool) -> Int {
    func column(_ part: ArraySlice<[[Span]]>) -> Int {
      part.reduce(0) { $0 + $1.count } + (separators ? max(part.count - 1, 0) : 0)
    }
    return max(column(blocks[..<split]), column(blocks[split...]))
  }

  static func join(_ blocks: ArraySlice<[[Span]]>, spaced: Bool) -> [[Span]] {
    var out: [[Span]] = []
    for block in blocks {
      if spaced, !out.isEmpty { out.append([]) }
      out += block
    }
    return out
  }

  static func lines(_ group: (section: HelpSection, bindings: [KeyBinding])) -> [[Span]] {
    [[Span(group.section.rawValue, .header)]]
      + group.bindings.map { [Span(CellWidth.fit(" " + $0.keys, keyWidth), .keyLabel), Span(" " + $0.description)] }
  }
}
