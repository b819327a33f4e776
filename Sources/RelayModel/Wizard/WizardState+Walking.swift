extension WizardState {
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
      message = StatusMessage(reason, .error)
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
      message = StatusMessage("wrote \(receipts.count) file(s)", .success)
      step = .done
    case .failure(let error):
      message = StatusMessage("nothing was written: \(error.description)", .error)
    }
    return []
  }
}
