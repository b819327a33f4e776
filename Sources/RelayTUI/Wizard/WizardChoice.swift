import RelayModel

/// A radio-list row: `▸ (•) label` for the cursor.
enum WizardChoice {
  static func spans(_ label: String, isCursor: Bool, isOn: Bool) -> [Span] {
    [Span(isCursor ? " ▸ " : "   "), Span("(\(isOn ? "•" : " ")) \(label)", isCursor ? .selected : .normal)]
  }
}
