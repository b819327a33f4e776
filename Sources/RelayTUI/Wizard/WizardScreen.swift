import RelayModel

/// Draws the setup wizard: a title bar, the step's title, its body, the message line and
/// the key bar. Below 60×16 a "terminal too small" notice replaces it.
enum WizardScreen {
  static func render<S: Surface>(_ state: WizardState, into surface: inout S) {
    let size = surface.size
    guard !size.isTooSmall else { return tooSmall(state, into: &surface) }
    let width = size.columns
    surface.fill(row: 0, column: 0, width: width, style: .title)
    let right = " DMS \(state.version.name) (\(state.version.family.rawValue)) "
    surface.put(" dms-relay setup │ \(state.loaded.configDirectory ?? "no config folder")", at: Point(row: 0, column: 0), width: max(width - CellWidth.of(right) - 1, 0), style: .title)
    surface.put(right, at: Point(row: 0, column: max(width - CellWidth.of(right), 0)), style: .title)

    var heading = state.step.title
    if let number = state.stepNumber { heading = "Step \(number) of \(state.stepSequence.count) · \(heading)" }
    if state.goal == .perDomain, [.provider, .credentials, .domains].contains(state.step) {
      heading += " (relay \(state.group + 1))"
    }
    surface.put(" \(heading)", at: Point(row: 1, column: 0), width: width, style: .header)

    var body = Body(top: 3, bottom: size.rows - 3, width: width)
    switch state.step {
    case .offer: offer(state, &body)
    case .folder: folder(state, &body)
    case .version: version(state, &body)
    case .goal: goal(state, &body)
    case .provider: provider(state, &body)
    case .credentials: credentials(state, &body)
    case .domains: domains(state, &body)
    case .moreRelays: moreRelays(state, &body)
    case .plan: plan(state, &body)
    case .done: done(state, &body)
    }
    body.draw(into: &surface)

    if let message = state.message {
      let style: Style
      switch message.kind {
      case .info: style = .info
      case .success: style = .ok
      case .warning: style = .warning
      case .error: style = .error
      }
      surface.put(" \(message.text)", at: Point(row: size.rows - 2, column: 0), width: width, style: style)
    }
    KeyBar.render(state.keyHints, row: size.rows - 1, into: &surface)
    if let prompt = state.prompt { promptBox(state, prompt, into: &surface) }
  }

  /// Lines of the body, drawn at the end; later lines beyond `bottom` are dropped.
  struct Body {
    var top: Int
    var bottom: Int
    var width: Int
    var lines: [[Span]] = []

    var height: Int { bottom - top + 1 }

    mutating func line(_ text: String = "", _ style: Style = .normal) { lines.append([Span(text, style)]) }
    mutating func spans(_ spans: [Span]) { lines.append(spans) }

    /// Wrapped text, each line prefixed by `indent`.
    mutating func paragraph(_ text: String, _ style: Style = .normal, indent: Int = 1) {
      let pad = String(repeating: " ", count: indent)
      for line in TextWrap.lines(text, width: max(width - indent - 1, 10)) { lines.append([Span(pad + line, style)]) }
    }

    func draw<S: Surface>(into surface: inout S) {
      for (offset, spans) in lines.prefix(max(height, 0)).enumerated() {
        surface.put(spans, at: Point(row: top + offset, column: 0), width: width)
      }
    }
  }

  // MARK: - Steps

  static func offer(_ state: WizardState, _ body: inout Body) {
    body.line(" No relay is configured. Run the setup wizard? (y/n)", .bold)
    body.line()
    body.paragraph(
      "The wizard asks where outgoing mail should go (a provider such as SendGrid or Amazon SES, for all mail or some sender domains), shows the routing and the diff for your DMS version, and writes only after you confirm.")
  }

  static func folder(_ state: WizardState, _ body: inout Body) {
    let loaded = state.loaded
    body.paragraph("Is this the right configuration? The wizard reads these and writes only after you confirm the plan.")
    body.line()
    body.spans([Span(" Config folder  ", .bold), Span(loaded.configDirectory ?? "none found", loaded.configDirectory == nil ? .error : .normal)])
    body.spans([Span(" Environment    ", .bold), Span(loaded.environmentDescription)])
    let version = loaded.version.map { "\($0.name) (\(loaded.versionSource?.description ?? "given"))" }
      ?? (loaded.versionProblem?.description ?? VersionUnavailable.notGiven.description)
    body.spans([Span(" DMS version    ", .bold), Span(version)])
    let domains = state.knownDomains
    let list = domains.isEmpty ? "none yet" : "\(domains.count): " + domains.prefix(6).joined(separator: ", ") + (domains.count > 6 ? ", …" : "")
    body.spans([Span(" Sender domains ", .bold), Span(list)])
    body.line()
    for warning in loaded.warnings.prefix(3) { body.paragraph("warning: \(warning)", .warning) }
    body.paragraph("Wrong folder or env file? Leave (Esc) and run 'dms-relay setup --config-dir PATH --env-file FILE'.", .dim)
  }

  static func version(_ state: WizardState, _ body: inout Body) {
    body.paragraph("Which DMS version does the container run? What DMS needs differs by version.")
    body.line()
    for (index, version) in state.versionChoices.enumerated() {
      var label = version.name
      if index == 0, state.loaded.version != nil {
        label += "  (detected: \(state.loaded.versionSource?.description ?? "given"))"
      }
      body.spans(choice(label, isCursor: index == state.versionIndex, isOn: index == state.versionIndex))
    }
    body.line()
    body.paragraph(state.version.family.rules.summary(state.version), .dim)
  }

  static func goal(_ state: WizardState, _ body: inout Body) {
    body.paragraph("Which outgoing mail should go through a relay?")
    body.line()
    for goal in WizardGoal.allCases {
      body.spans(choice(goal.label, isCursor: goal == state.goal, isOn: goal == state.goal))
    }
  }

  static func provider(_ state: WizardState, _ body: inout Body) {
    let group = state.currentGroup
    let providers = Provider.all
    let listWidth = 30
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
    for id in state.fields { right += fieldLines(state, id, width: rightWidth) }

    for row in 0..<max(left.count, right.count) {
      var spans = row < left.count ? left[row] : [Span(String(repeating: " ", count: listWidth - 1))]
      let used = spans.reduce(0) { $0 + CellWidth.of($1.text) }
      spans.append(Span(String(repeating: " ", count: max(listWidth + 1 - used, 1))))
      if row < right.count { spans += right[row] }
      body.spans(spans)
    }
  }

  static func credentials(_ state: WizardState, _ body: inout Body) {
    let provider = state.currentGroup.provider
    body.paragraph(
      "How does this server log in at \(provider.name)? The password goes into postfix-sasl-password.cf (mode 0600), never into a message or the diff.")
    if provider.credentials == .optional {
      body.paragraph("Leave both empty when the relay admits this server by its IP address.", .dim)
    }
    body.line()
    for id in state.fields { body.lines += fieldLines(state, id, width: body.width).map { [Span(" ")] + $0 } }
    body.line()
    body.paragraph("User: \(provider.usernameHint). Password: \(provider.passwordHint).", .dim)
  }

  static func domains(_ state: WizardState, _ body: inout Body) {
    let choices = state.domainChoices
    if state.goal == .perDomain {
      body.paragraph("Which sender domains go through relay \(state.group + 1) (\(state.currentGroup.provider.name))? Domains of earlier relays are not listed; unticked domains go direct.")
    } else {
      body.paragraph("Which sender domains go through \(state.currentGroup.provider.name)? The others go direct.")
    }
    body.line()
    if choices.isEmpty {
      body.paragraph("The files name no sender domain (postfix-accounts.cf, postfix-virtual.cf).", .warning)
      return
    }
    let visible = max(body.height - body.lines.count, 1)
    let first = min(max(state.cursor - visible + 1, 0), max(choices.count - visible, 0))
    for index in first..<min(first + visible, choices.count) {
      let domain = choices[index]
      let ticked = state.currentGroup.domains.contains(domain)
      let text = " \(index == state.cursor ? "▸" : " ") [\(ticked ? "x" : " ")] \(domain)"
      body.line(text, index == state.cursor ? .selected : .normal)
    }
  }

  static func moreRelays(_ state: WizardState, _ body: inout Body) {
    let rest = state.unassignedDomains
    body.paragraph("Still going direct: \(rest.joined(separator: ", ")).")
    body.line()
    body.spans(choice("Add another relay for some of them", isCursor: state.cursor == 0, isOn: state.cursor == 0))
    body.spans(choice("Continue to the plan (they go direct)", isCursor: state.cursor == 1, isOn: state.cursor == 1))
  }

  static func plan(_ state: WizardState, _ body: inout Body) {
    guard let planned = state.planned else {
      body.paragraph("No plan: go back and complete the relay.", .error)
      return
    }
    let rows = planned.rows(width: state.bodyWidth)
    for row in rows.dropFirst(state.planScroll).prefix(body.height) {
      body.line(" " + row.text, style(row.kind))
    }
  }

  static func done(_ state: WizardState, _ body: inout Body) {
    switch state.outcome {
    case .written(let receipts, let nextSteps)?:
      body.line(" Written:", .bold)
      for receipt in receipts { body.paragraph(receipt.summary, .ok, indent: 2) }
      body.line()
      body.line(" What to do next:", .bold)
      if nextSteps.isEmpty { body.paragraph("Nothing: DMS applies the change as it is.", indent: 2) }
      for line in nextSteps { body.paragraph("- \(line)", indent: 2) }
    default:
      body.paragraph("Nothing to change: DMS \(state.version.name) already routes mail as asked. Nothing was written.", .ok)
    }
    body.line()
    body.paragraph("Check the routing any time with 'dms-relay preview', or open the UI with 'dms-relay'.", .dim)
  }

  // MARK: - Pieces

  static func choice(_ label: String, isCursor: Bool, isOn: Bool) -> [Span] {
    [Span(isCursor ? " ▸ " : "   "), Span("(\(isOn ? "•" : " ")) \(label)", isCursor ? .selected : .normal)]
  }

  /// A labelled field `Port      [587        ]` with its problem below, wrapped.
  static func fieldLines(_ state: WizardState, _ id: WizardState.FieldID, width: Int) -> [[Span]] {
    let field = state.field(id)
    let isFocused = state.focusedField == id
    var text = field.text
    if field.isSecret, !state.currentGroup.revealsPassword { text = String(repeating: "•", count: field.text.count) }
    let boxWidth = max(min(width - 13, 36), 8)
    let shown = CellWidth.of(text) > boxWidth - 1 ? "…" + String(text.suffix(boxWidth - 2)) : text
    let cursor = isFocused ? "▏" : ""
    var lines: [[Span]] = [[
      Span(CellWidth.fit(field.label, 11), isFocused ? .bold : .normal),
      Span(CellWidth.fit(shown + cursor, boxWidth), isFocused ? .fieldFocused : .field),
      Span(state.problem(id) == nil && !field.text.isEmpty ? " ✔" : "", .ok),
    ]]
    if let problem = state.problem(id) {
      for line in TextWrap.lines(problem, width: max(width - 12, 10)) {
        lines.append([Span(String(repeating: " ", count: 11)), Span(line, .error)])
      }
    }
    return lines
  }

  static func style(_ kind: WizardLine.Kind) -> Style {
    switch kind {
    case .normal: return .normal
    case .dim: return .dim
    case .bold: return .bold
    case .heading: return .header
    case .ok: return .ok
    case .warning: return .warning
    case .error: return .error
    case .added: return .added
    case .removed: return .removed
    case .hunk: return .hunk
    }
  }

  static func promptBox<S: Surface>(_ state: WizardState, _ prompt: WizardState.Prompt, into surface: inout S) {
    var lines: [String]
    let title: String
    switch prompt {
    case .abandon:
      title = "Leave the setup?"
      lines = ["Nothing will be written.", "", "y leave   n stay"]
    case .write:
      let files = state.planned?.writePlan?.files.filter(\.isChange) ?? []
      title = "Write \(files.count) file(s)?"
      lines = files.map { "\($0.existed ? "change" : "create") \($0.path)" }
      if state.planned?.plan?.isExact == false { lines.append("DMS cannot route exactly as asked: this is the closest plan.") }
      lines += ["A .bak copy of each changed file is kept.", "", "y write   n not now"]
    }
    let size = surface.size
    let width = min(max(lines.map(CellWidth.of).max() ?? 0, CellWidth.of(title)) + 6, size.columns - 2)
    let height = lines.count + 2
    let top = max((size.rows - height) / 2, 0)
    let left = max((size.columns - width) / 2, 0)
    surface.box(top: top, left: left, width: width, height: height, title: title)
    for (offset, line) in lines.enumerated() {
      surface.put(line, at: Point(row: top + 1 + offset, column: left + 2), width: width - 4, style: .normal)
    }
  }

  static func tooSmall<S: Surface>(_ state: WizardState, into surface: inout S) {
    let size = surface.size
    var lines = [
      "Terminal too small",
      "needs \(Size.minimum.columns)×\(Size.minimum.rows), this is \(size.columns)×\(size.rows)",
      "Enlarge the window, or press Esc to leave.",
    ]
    if state.prompt == .abandon { lines.append("Leave the setup? y/n") }
    let top = max((size.rows - lines.count) / 2, 0)
    for (offset, line) in lines.enumerated() {
      let column = max((size.columns - CellWidth.of(line)) / 2, 0)
      surface.put(line, at: Point(row: top + offset, column: column), style: offset == 0 ? .warning : .normal)
    }
  }
}
