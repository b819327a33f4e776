import RelayModel

/// An edit dialog: each field on its own line with the reason it is invalid (or a hint)
/// under it, the password masked unless revealed, and the live route for `t`.
enum DialogView {
  static let labelWidth = 20
  /// The dialog box's width on a wide terminal; the typed value's and the live route's.
  static let boxWidth = 76
  static let widestInput = 40
  static let narrowestInput = 8
  static let widestRoute = 72

  static func render<S: Surface>(_ dialog: Dialog, state: AppState, into surface: inout S) {
    let resultLines = routeLines(dialog, state: state, width: min(surface.size.columns - 6, widestRoute))
    let height = 2 + 1 + dialog.fields.count * 2 + resultLines.count + 2
    let box = Overlay.centred(width: boxWidth, height: height, in: surface.size)
    surface.box(top: box.top, left: box.left, width: box.width, height: box.height, title: dialog.title)
    let inputWidth = max(min(box.innerWidth - labelWidth - 1, widestInput), narrowestInput)
    var row = box.top + 2
    for (index, field) in dialog.fields.enumerated() {
      guard row + 1 < box.top + box.height - 1 else { break }
      let focused = index == dialog.focus
      let labelStyle: Style = field.isDisabled ? .dim : (focused ? .bold : .normal)
      surface.put((focused ? "▸ " : "  ") + field.label, at: Point(row: row, column: box.innerLeft), width: labelWidth, style: labelStyle)
      let column = box.innerLeft + labelWidth
      if field.isToggle {
        surface.put(field.isOn ? "[x]" : "[ ]", at: Point(row: row, column: column), style: focused ? .fieldFocused : .bold)
        if let hint = field.hint {
          surface.put(hint, at: Point(row: row, column: column + 4), width: box.innerWidth - labelWidth - 4, style: .dim)
        }
      } else if field.isLocked {
        surface.put(field.text, at: Point(row: row, column: column), width: inputWidth, style: .bold)
      } else {
        var shown = field.isSecret && !dialog.isPasswordRevealed ? String(repeating: "•", count: field.text.count) : field.text
        if focused { shown += "▏" }
        // Long values scroll so the end (where typing happens) stays visible.
        if CellWidth.of(shown) > inputWidth { shown = "…" + String(shown.suffix(inputWidth - 1)) }
        let style: Style = field.isDisabled ? .dim : (focused ? .fieldFocused : .field)
        surface.put(shown, at: Point(row: row, column: column), width: inputWidth, style: style)
      }
      let below = Point(row: row + 1, column: column)
      if !field.isDisabled, let problem = field.visibleProblem {
        // A long reason starts under the label rather than being cut.
        let text = "✖ " + problem
        let fits = CellWidth.of(text) <= box.innerWidth - labelWidth
        let start = fits ? below : Point(row: row + 1, column: box.innerLeft + 2)
        surface.put(text, at: start, width: box.innerWidth - (start.column - box.innerLeft), style: .error)
      } else if !field.isToggle, let hint = field.hint {
        surface.put(field.isDisabled ? "not used for an opt-out" : hint, at: below, width: box.innerWidth - labelWidth, style: .dim)
      }
      row += 2
    }
    for spans in resultLines {
      guard row < box.top + box.height - 2 else { break }
      surface.put(spans, at: Point(row: row, column: box.innerLeft), width: box.innerWidth)
      row += 1
    }
    let footerRow = box.top + box.height - 2
    if let error = dialog.error {
      surface.put("✖ " + error, at: Point(row: footerRow, column: box.innerLeft), width: box.innerWidth, style: .error)
    } else if dialog.kind != .routeAddress {
      let text = dialog.isValid ? "Enter adds it as a pending change (written only with w)" : "Enter is refused until every field is valid"
      surface.put(text, at: Point(row: footerRow, column: box.innerLeft), width: box.innerWidth, style: .dim)
    }
  }

  /// The typed address's route on the selected (and compared) version.
  static func routeLines(_ dialog: Dialog, state: AppState, width: Int) -> [[Span]] {
    guard dialog.kind == .routeAddress else { return [] }
    guard let route = dialog.routeResult else {
      return [[Span("  Type an address to see where its mail goes.", .dim)]]
    }
    var pane = DetailPane.Builder(width: width)
    RouteText.explain(route, on: state.version, into: &pane)
    if let other = dialog.comparisonRouteResult, let version = state.comparisonVersion {
      pane.field("On \(version.name)", other.summary, RouteText.style(other))
    }
    return pane.lines
  }
}
