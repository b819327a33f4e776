extension WizardState {
  /// Rows the plan report scrolls in: everything between the step title and the message line.
  public var bodyHeight: Int { max(size.rows - Self.chromeRows, 1) }
  /// Columns of the report (one column of margin each side).
  public var bodyWidth: Int { max(size.columns - 2, Self.narrowestBody) }

  /// Title bar, step title, the blank row under it, message line and key bar: the rows
  /// `WizardScreen` draws around the body (with 4 the last plan line never scrolled into view).
  static let chromeRows = 5
  static let narrowestBody = 10
  /// "Add another relay" and "Continue to the plan".
  static let moreRelaysChoices = 2

  mutating func clampPlanScroll() {
    let count = planned?.rows(width: bodyWidth).count ?? 0
    planScroll = max(min(planScroll, count - bodyHeight), 0)
  }

  /// A command while a question is open: leave, or write.
  mutating func promptCommand(_ command: KeyCommand?, _ prompt: Prompt) -> [WizardEffect] {
    switch (prompt, command) {
    case (.abandon, .confirm?):
      outcome = .abandoned
      return [.finish(.abandoned)]
    case (.write, .confirm?):
      self.prompt = nil
      guard let writePlan = planned?.writePlan else { return [] }
      message = StatusMessage("writing…")
      return [.write(writePlan)]
    case (_, .decline?):
      self.prompt = nil
      message = StatusMessage(prompt == .abandon ? "continuing the setup" : "nothing written")
      return []
    default:
      return []
    }
  }

  /// A command on a step; `key` is what a focused text field types.
  mutating func stepCommand(_ command: KeyCommand?, key: Key) -> [WizardEffect] {
    switch command {
    case .startSetup?:
      step = .folder
    case .declineSetup?:
      outcome = .declined
      return [.finish(.declined)]
    case .finishSetup?:
      let result = outcome ?? .unchanged
      outcome = result
      return [.finish(result)]
    case .leaveSetup?:
      prompt = .abandon
    case .back?:
      goBack()
    case .next?:
      return goNext()
    case .nextField?:
      moveFocus(1)
    case .previousField?:
      moveFocus(-1)
    case .revealPassword?:
      groups[group].revealsPassword.toggle()
    case .typeText?:
      guard let focused = focusedField else { return [] }
      var field = self.field(focused)
      if field.type(key) {
        setField(focused, field)
        message = nil
      }
    case .tick?, .tickAll?:
      tick(all: command == .tickAll)
    case .lineUp?, .lineDown?, .pageUp?, .pageDown?, .first?, .last?:
      listCommand(command!)
    default:
      break
    }
    return []
  }

  /// Space ticks the domain under the cursor; `a` ticks all, or none when all are.
  mutating func tick(all: Bool) {
    let choices = domainChoices
    guard !choices.isEmpty else { return }
    if all {
      groups[group].domains = groups[group].domains.count == choices.count ? [] : choices
      return
    }
    let domain = choices[min(cursor, choices.count - 1)]
    if let index = groups[group].domains.firstIndex(of: domain) {
      groups[group].domains.remove(at: index)
    } else {
      groups[group].domains.append(domain)
      groups[group].domains.sort { choices.firstIndex(of: $0)! < choices.firstIndex(of: $1)! }
    }
  }

  /// Moving in the step's list (or scrolling the plan report).
  mutating func listCommand(_ command: KeyCommand) {
    switch step {
    case .version:
      versionIndex = moved(versionIndex, count: versionChoices.count, command)
    case .goal:
      goal = WizardGoal(rawValue: moved(goal.rawValue, count: WizardGoal.allCases.count, command))!
    case .provider:
      groups[group].select(moved(groups[group].providerIndex, count: Provider.all.count, command))
    case .domains:
      let choices = domainChoices
      guard !choices.isEmpty else { return }
      cursor = moved(cursor, count: choices.count, command)
    case .moreRelays:
      cursor = moved(cursor, count: Self.moreRelaysChoices, command)
    case .plan:
      switch command {
      case .lineUp: planScroll -= 1
      case .lineDown: planScroll += 1
      case .pageUp: planScroll -= bodyHeight - 1
      case .pageDown: planScroll += bodyHeight - 1
      case .first: planScroll = 0
      case .last: planScroll = Int.max / 2
      default: break
      }
      clampPlanScroll()
    default:
      break
    }
  }

  /// A list index after a move; the table sends PgUp/PgDn in lists as first/last.
  func moved(_ index: Int, count: Int, _ command: KeyCommand) -> Int {
    switch command {
    case .lineUp: return max(index - 1, 0)
    case .lineDown: return min(index + 1, count - 1)
    case .first, .pageUp: return 0
    case .last, .pageDown: return count - 1
    default: return index
    }
  }

  mutating func moveFocus(_ delta: Int) {
    let count = focusCount
    guard count > 0 else { return }
    focus = (focus + delta + count) % count
  }

  mutating func setField(_ id: DialogField.Name, _ field: DialogField) {
    switch id {
    case .region: groups[group].region = field
    case .host: groups[group].host = field
    case .port: groups[group].port = field
    case .user: groups[group].user = field
    case .password: groups[group].password = field
    default: preconditionFailure("the wizard has no '\(id)' field")
    }
  }
}
