import RelayModel

/// `?`: every key, grouped (`HelpContent`).
enum HelpOverlay {
  static func render<S: Surface>(into surface: inout S) {
    var lines: [[Span]] = []
    for section in HelpContent.sections {
      if !section.title.isEmpty { lines.append([Span(section.title, .header)]) }
      for hint in section.keys {
        lines.append([Span(CellWidth.fit(hint.key, 14), .keyLabel), Span("  " + hint.label)])
      }
      lines.append([])
    }
    let box = Overlay.centred(width: 74, height: lines.count + 3, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: "Keys")
    for (index, spans) in lines.prefix(box.innerRows - 1).enumerated() {
      surface.put(spans, at: Point(row: box.top + 1 + index, column: box.innerLeft), width: box.innerWidth)
    }
    surface.put("press any key", at: Point(row: box.top + box.height - 2, column: box.innerLeft), style: .dim)
  }
}
