/// The setup wizard's behaviour: given the state and what happened, change the state and
/// return the effects to perform. Pure, like the App's reducer: no I/O, no terminal.
///
/// Keys: Enter is Next (Next is refused, with the reason, while the step is invalid),
/// Ctrl-B is Back (Backspace too where no text field has the focus), Esc asks to leave
/// without writing, Tab moves between fields, Space ticks a domain, Ctrl-R shows the password.
///
/// ```swift
/// var state = WizardState(loaded: loaded, size: Size(rows: 24, columns: 80))
/// let effects = reduce(into: &state, action: .keyPressed(.enter))
/// ```
public func reduce(into state: inout WizardState, action: WizardAction) -> [WizardEffect] {
  switch action {
  case .resized(let size):
    state.size = size
    state.clampPlanScroll()
    return []
  case .writeFinished(let result):
    return state.writeFinished(result)
  case .keyPressed(let key):
    if let prompt = state.prompt { return state.promptKey(key, prompt) }
    return state.stepKey(key)
  }
}

extension WizardState {
  /// Rows the plan report scrolls in: everything between the step title and the message line.
  public var bodyHeight: Int { max(size.rows - 4, 1) }
  /// Columns of the report (one column of margin each side).
  public var bodyWidth: Int { max(size.columns - 2, 10) }

  mutating func clampPlanScroll() {
    let count = planned?.rows(width: bodyWidth).count ?? 0
    planScroll = max(min(planScroll, count - bodyHeight), 0)
  }

  mutating func promptKey(_ key: Key, _ prompt: Prompt) -> [WizardEffect] {
    switch (prompt, key) {
    case (.abandon, .character("y")), (.abandon, .character("Y")), (.abandon, .enter):
      outcome = .abandoned
      return [.finish(.abandoned)]
    case (.write, .character("y")), (.write, .character("Y")), (.write, .enter):
      self.prompt = nil
      guard let writePlan = planned?.writePlan else { return [] }
      message = Message("writing…")
      return [.write(writePlan)]
    case (_, .character("n")), (_, .character("N")), (_, .escape):
      self.prompt = nil
      message = Message(prompt == .abandon ? "continuing the setup" : "nothing written")
      return []
    default:
      return []
    }
  }

  mutating func stepKey(_ key: Key) -> [WizardEffect] {
    switch (step, key) {
    case (.offer, .character("y")), (.offer, .character("Y")), (.offer, .enter):
      step = .folder
      return []
    case (.offer, .character("n")), (.offer, .character("N")), (.offer, .escape), (.offer, .character("q")):
      outcome = .declined
      return [.finish(.declined)]
    case (.done, .enter), (.done, .escape), (.done, .character("q")):
      let result = outcome ?? .unchanged
      outcome = result
      return [.finish(result)]
    case (.done, _):
      return []
    case (_, .escape):
      prompt = .abandon
      return []
    case (_, .control("b")):
      goBack()
      return []
    case (_, .enter):
      return goNext()
    case (.plan, .character("w")):
      return goNext()
    default:
      break
    }
    if let focused = focusedField {
      if key == .tab || key == .backTab { moveFocus(key == .tab ? 1 : -1); return [] }
      if key == .control("r") { groups[group].revealsPassword.toggle(); return [] }
      var field = self.field(focused)
      if field.type(key) {
        setField(focused, field)
        message = nil
        return []
      }
      return []
    }
    if key == .backspace || key == .left { goBack(); return [] }
    listKey(key)
    return []
  }

  /// Keys on steps whose focus is a list (or the plan report).
  mutating func listKey(_ key: Key) {
    switch step {
    case .version:
      versionIndex = moved(versionIndex, count: versionChoices.count, key)
    case .goal:
      goal = WizardGoal(rawValue: moved(goal.rawValue, count: WizardGoal.allCases.count, key))!
    case .provider:
      switch key {
      case .tab, .backTab: moveFocus(key == .tab ? 1 : -1)
      default: groups[group].select(moved(groups[group].providerIndex, count: Provider.all.count, key))
      }
    case .credentials:
      if key == .tab || key == .backTab { moveFocus(key == .tab ? 1 : -1) }
    case .domains:
      let choices = domainChoices
      guard !choices.isEmpty else { return }
      switch key {
      case .character(" "):
        let domain = choices[min(cursor, choices.count - 1)]
        if let index = groups[group].domains.firstIndex(of: domain) {
          groups[group].domains.remove(at: index)
        } else {
          groups[group].domains.append(domain)
          groups[group].domains.sort { choices.firstIndex(of: $0)! < choices.firstIndex(of: $1)! }
        }
      case .character("a"):
        groups[group].domains = groups[group].domains.count == choices.count ? [] : choices
      default:
        cursor = moved(cursor, count: choices.count, key)
      }
    case .moreRelays:
      cursor = moved(cursor, count: 2, key)
    case .plan:
      switch key {
      case .up: planScroll -= 1
      case .down: planScroll += 1
      case .pageUp: planScroll -= bodyHeight - 1
      case .pageDown, .character(" "): planScroll += bodyHeight - 1
      case .home: planScroll = 0
      case .end: planScroll = Int.max / 2
      default: break
      }
      clampPlanScroll()
    default:
      break
    }
  }

  func moved(_ index: Int, count: Int, _ key: Key) -> Int {
    switch key {
    case .up: return max(index - 1, 0)
    case .down: return min(index + 1, count - 1)
    case .home, .pageUp: return 0
    case .end, .pageDown: return count - 1
    default: return index
    }
  }

  mutating func moveFocus(_ delta: Int) {
    let count = focusCount
    guard count > 0 else { return }
    focus = (focus + delta + count) % count
  }

  mutating func setField(_ id: FieldID, _ field: WizardField) {
    switch id {
    case .region: groups[group].region = field
    case .host: groups[group].host = field
    case .port: groups[group].port = field
    case .user: groups[group].user = field
    case .password: groups[group].password = field
    }
  }

  /// Enters `next` with a fresh focus and cursor.
  mutating func enter(_ next: WizardStep) {
    step = next
    showsAllProblems = false
    prompt = nil
    cursor = 0
    switch next {
    case .provider: focus = 0
    case .credentials: focus = groups[group].user.text.isEmpty ? 0 : 1
    case .plan:
      planScroll = 0
      planned = intent.map { WizardPlan(intent: $0, version: version, loaded: loaded) }
    default: focus = 0
    }
  }

  mutating func goNext() -> [WizardEffect] {
    if let reason = nextBlockedReason {
      showsAllProblems = true
      message = Message(reason, .error)
      return []
    }
    message = nil
    switch step {
    case .offer: enter(.folder)
    case .folder: enter(.version)
    case .version: enter(.goal)
    case .goal:
      if goal != .perDomain, groups.count > 1 { groups.removeSubrange(1...) }
      group = 0
      enter(.provider)
    case .provider: enter(.credentials)
    case .credentials: enter(goal == .allMail ? .plan : .domains)
    case .domains:
      enter(goal == .perDomain && !unassignedDomains.isEmpty ? .moreRelays : .plan)
    case .moreRelays:
      if cursor == 0 {
        groups.append(RelayGroup())
        group = groups.count - 1
        enter(.provider)
      } else {
        enter(.plan)
      }
    case .plan:
      guard let planned else { return [] }
      if planned.changesNothing {
        outcome = .unchanged
        step = .done
        return []
      }
      prompt = .write
    case .done:
      break
    }
    return []
  }

  mutating func goBack() {
    message = nil
    switch step {
    case .offer, .folder, .done: return
    case .version: enter(.folder)
    case .goal: enter(.version)
    case .provider:
      if group > 0 {
        groups.remove(at: group)
        group -= 1
        enter(.moreRelays)
      } else {
        enter(.goal)
      }
    case .credentials: enter(.provider)
    case .domains: enter(.credentials)
    case .moreRelays: enter(.domains)
    case .plan:
      switch goal {
      case .allMail: enter(.credentials)
      case .someDomains: enter(.domains)
      case .perDomain: enter(unassignedDomains.isEmpty ? .domains : .moreRelays)
      }
    }
    if step == .moreRelays { cursor = 1 }
  }

  mutating func writeFinished(_ result: Result<[FileStore.Receipt], WriteError>) -> [WizardEffect] {
    switch result {
    case .success(let receipts):
      outcome = .written(receipts, nextSteps: planned?.plan?.nextSteps ?? [])
      message = Message("wrote \(receipts.count) file(s)", .success)
      step = .done
    case .failure(let error):
      message = Message("nothing was written: \(error.description)", .error)
    }
    return []
  }
}
