import RelayModel

/// The provider presets on the left; the chosen one's details and fields on the right.
enum WizardProviderStep {
  /// Columns of the provider list; the details take the rest.
  static let listWidth = 30

  static func render(_ state: WizardState, into body: inout WizardBody) {
    let group = state.currentGroup
    let providers = Provider.all
    // The list on the left, scrolled to keep the cursor in view.
    let visible = max(body.height, 1)
    let first = min(max(group.providerIndex - visible + 1, 0), max(providers.count - visible, 0))
    var left: [[Span]] = []
    for index in first..<min(first + visible, providers.count) {
      let isCursor = index == group.providerIndex
      let marker = isCursor ? (state.focus == 0 ? "▸ " : "• ") : "  "
      left.append([Span(" " + CellWidth.fit(marker + providers[index].name, listWidth - 2), isCursor && state.focus == 0 ? .selected : (isCursor ? .bold : .normal))])
    }
    // The details and fields on the right.
    let provider = group.provider
    let rightWidth = body.width - listWidth - 1
    var right: [[Span]] = []
    func text(_ value: String, _ style: Style = .normal) {
      for line in TextWrap.lines(value, width: max(rightWidth - 1, 10)) { right.append([Span(line, style)]) }
    }
    text(provider.name, .bold)
    text(provider.needsHost ? "Host: the relay's host name (below)" : "Host: \(provider.hostTemplate)")
    let alternatives = provider.alternativePorts.filter { $0 != 465 }.map(String.init)
    text("Port: \(provider.port) (STARTTLS)" + (alternatives.isEmpty ? "" : "; also \(alternatives.joined(separator: ", "))") + ". Not 465: DMS cannot do implicit TLS.", .dim)
    text("User: \(provider.usernameHint)", .dim)
    text("Password: \(provider.passwordHint)", .dim)
    for note in provider.notes { text(note, .dim) }
    right.append([])
    for id in state.fields { right += WizardFieldView.lines(state, id, width: rightWidth) }

    for row in 0..<max(left.count, right.count) {
      var spans = row < left.count ? left[row] : [Span(String(repeating: " ", count: listWidth - 1))]
      let used = spans.reduce(0) { $0 + CellWidth.of($1.text) }
      spans.append(Span(String(repeating: " ", count: max(listWidth + 1 - used, 1))))
      if row < right.count { spans += right[row] }
      body.spans(spans)
    }
  }
}
