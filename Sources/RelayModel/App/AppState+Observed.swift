/// Screen 6, Observed: what the mail log says each sender domain's mail really did.
///
/// The runner reads the log (RelayLive's reader and follower, `MailLogJoiner`) and sends
/// whole `ObservedLog` values back; the reducer only decides when to read, follow or stop:
/// read when the screen is first opened, follow on `f`, stop on `f` again or on leaving.
extension AppState {
  /// Effects of arriving at or leaving a tab.
  mutating func tabChanged(from previous: Tab) -> [AppEffect] {
    var effects: [AppEffect] = []
    if previous == .observed, tab != .observed, observed.isFollowing {
      observed.isFollowing = false
      status = StatusMessage("stopped following the mail log")
      effects.append(.stopFollowingMailLog)
    }
    if tab == .observed, !observed.wasRequested {
      observed.isReading = true
      effects.append(.readMailLog)
    }
    return effects
  }

  /// Reads the log again when what it is compared with changed (another version, files
  /// written), so the predictions on screen 6 are the ones on screen 4; quietly, keeping the
  /// rows until the new ones arrive.
  mutating func refreshObserved() -> [AppEffect] {
    if observed.isFollowing { return [.followMailLog] }
    return observed.log != nil ? [.readMailLog] : []
  }

  /// `f`: follow the log live, or stop.
  mutating func toggleFollow() -> [AppEffect] {
    if observed.isFollowing {
      observed.isFollowing = false
      status = StatusMessage("stopped following the mail log")
      return [.stopFollowingMailLog]
    }
    if case .missing(let searched)? = observed.problem {
      status = StatusMessage("no mail log to follow at '\(searched)': start with --mail-log FILE", .warning)
      return []
    }
    observed.isFollowing = true
    observed.problem = nil
    if observed.log == nil { observed.isReading = true }
    status = StatusMessage("following the mail log: new messages show as they are logged (f stops)")
    return [.followMailLog]
  }

  /// The log, read or grown, or why there is none.
  mutating func mailLogRead(_ result: Result<ObservedLog, MailLogProblem>) {
    let isFirst = observed.isReading && observed.log == nil
    observed.isReading = false
    switch result {
    case .success(let log):
      observed.log = log
      observed.problem = nil
      if isFirst, !observed.isFollowing {
        let disagreeing = log.summaries.filter { $0.agrees == false }.count
        status = StatusMessage(
          "read \(log.messageCount) message(s) from \(log.source)"
            + (disagreeing > 0 ? ": \(disagreeing) domain(s) not routed as the files say" : ""),
          disagreeing > 0 ? .warning : .info)
      }
    case .failure(let problem):
      observed.problem = problem
      observed.isFollowing = false
      if case .unreadable(let message) = problem { status = StatusMessage(message, .error) }
    }
    if visible[.observed] != nil || tab == .observed { visible[.observed] = filtered(.observed) }
    clampPosition(.observed)
  }

  /// Enter on screen 6: the selected domain's messages.
  mutating func showMessages() {
    guard let index = selectedIndex(.observed), let log = observed.log else { return }
    let domain = log.summaries[index].domain
    guard !log.messages(forDomain: domain).isEmpty else {
      status = StatusMessage("no message from '\(domain)' was kept")
      return
    }
    destination = .messages(domain: domain, scroll: 0)
  }

  /// A command while a domain's messages are listed: arrows scroll, any other key closes.
  mutating func messagesCommand(_ command: KeyCommand?, domain: String, scroll: Int) -> [AppEffect] {
    let last = max((observed.log?.messages(forDomain: domain).count ?? 1) - 1, 0)
    let page = max(layout.listRows - 1, 1)
    switch command {
    case .lineUp?: destination = .messages(domain: domain, scroll: max(scroll - 1, 0))
    case .lineDown?: destination = .messages(domain: domain, scroll: min(scroll + 1, last))
    case .pageUp?: destination = .messages(domain: domain, scroll: max(scroll - page, 0))
    case .pageDown?: destination = .messages(domain: domain, scroll: min(scroll + page, last))
    case .first?: destination = .messages(domain: domain, scroll: 0)
    case .last?: destination = .messages(domain: domain, scroll: last)
    default: destination = nil
    }
    return []
  }

  /// The observation of a Routing or Domains row's domain, when the log has one.
  public func observedSummary(forSender sender: String) -> SenderDomainSummary? {
    // A single address may route differently from its domain: only domain rows are marked.
    guard let log = observed.log, sender.hasPrefix("@") else { return nil }
    return log.summary(forDomain: String(sender.dropFirst()))
  }
}
