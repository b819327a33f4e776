import RelayModel

/// `?`: every key of the screens and dialogs, grouped, read from the key-binding table
/// (`KeyBindings.helpSections`), in two columns when the terminal is wide.
enum HelpOverlay {
  /// The widest key label (" ← h S-Tab ^B") with its leading space.
  static let keyWidth = 13
  static let columnWidth = 36
  /// Two columns from this width on.
  static let twoColumnWidth = 76

  static func render<S: Surface>(into surface: inout S) {
    let columns = surface.size.columns >= twoColumnWidth ? 2 : 1
    let blocks = KeyBindings.helpSections.map(lines)
    // Fill the first column up to half of all lines, keeping sections whole.
    let total = blocks.reduce(0) { $0 + $1.count }
    var left: [[Span]] = []
    var right: [[Span]] = []
    for block in blocks {
      if columns == 2, left.count >= (total + 1) / 2 { right += block } else { left += block }
    }
    let rows = max(left.count, right.count)
    let box = Overlay.centred(width: columns * columnWidth + (columns - 1) * 2 + 4, height: rows + 3, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: "Keys")
    for (index, spans) in left.prefix(box.innerRows - 1).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: columnWidth)
    }
    for (index, spans) in right.prefix(box.innerRows - 1).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.innerLeft + columnWidth + 2), width: columnWidth)
    }
    surface.put("press any key", at: Point(row: box.top + box.height - 2, column: box.innerLeft), style: .dim)
  }

  static func lines(_ group: (section: HelpSection, bindings: [KeyBinding])) -> [[Span]] {
    [[Span(group.section.rawValue, .header)]]
      + group.bindings.map { [Span(CellWidth.fit(" " + $0.keys, keyWidth), .keyLabel), Span(" " + $0.description)] }
      + [[]]
  }
}
