/// Live relay checks from the screens (`T`: the selected row's route, `^T`: one sender per
/// distinct relay, as `dms-relay check` does by default).
///
/// The reducer only chooses the targets and keeps the results; the runner holds the SMTP
/// sessions (RelayLive) off the UI's thread and reports each step as an action, so the UI
/// keeps drawing and Esc can cancel.
extension AppState {
  /// The sender the selected row stands for: a domain's `@domain`, a Routing row's sender,
  /// or the first sender whose route uses the selected relay.
  var selectedCheckSender: String? {
    switch tab {
    case .domains: return selectedIndex(.domains).map { "@" + derived.domains[$0].name }
    case .routing: return selectedIndex(.routing).map { derived.routes[$0].route.sender }
    case .relays: return selectedIndex(.relays).flatMap { derived.relays[$0].senders.first }
    default: return nil
    }
  }

  mutating func checkSelectedRoute() -> [AppEffect] {
    guard let sender = selectedCheckSender else {
      status = StatusMessage(
        tab == .relays ? "no sender's route uses this relay: nothing to check" : "nothing selected to check", .warning)
      return []
    }
    return startCheck(.senders([sender]))
  }

  mutating func startCheck(_ selection: CheckSelection) -> [AppEffect] {
    let targets = preview.checkTargets(selection, configuration: workspace.configuration)
    guard !targets.isEmpty else {
      status = StatusMessage("nothing to check: no sender's mail goes through a relay")
      return []
    }
    checkRuns += 1
    let request = CheckRequest(run: checkRuns, targets: targets)
    destination = .checking(CheckSession(request))
    status = StatusMessage("checking \(targets.count) sender(s)… Esc cancels")
    return [.check(request)]
  }

  /// A step of a running check began.
  mutating func checkStepStarted(run: Int, index: Int, step: CheckStepName) {
    guard case .checking(var session) = destination, session.run == run, session.lines.indices.contains(index) else { return }
    session.lines[index].progress = .running(step)
    destination = .checking(session)
  }

  /// One sender's check ended: its record replaces the route's last one; when it was the
  /// last, the box closes and the status line sums up.
  mutating func checkFinished(run: Int, index: Int, result: CheckResult, time: String) {
    guard case .checking(var session) = destination, session.run == run, session.lines.indices.contains(index) else { return }
    session.lines[index].progress = .finished(result)
    let line = session.lines[index]
    checks.removeAll { $0.routeSender == line.routeSender }
    checks.append(CheckRecord(routeSender: line.routeSender, nexthop: line.nexthop, result: result, time: time))
    guard session.isFinished else {
      destination = .checking(session)
      return
    }
    destination = nil
    let results = session.results
    let failed = results.filter { $0.verdict == .failed }.count
    let passed = results.filter { $0.verdict == .ok }.count
    let skipped = results.count - failed - passed
    var parts = ["\(passed) ok"]
    if failed > 0 { parts.append("\(failed) failed") }
    if skipped > 0 { parts.append("\(skipped) skipped") }
    let text = "check at \(time): \(parts.joined(separator: ", ")) — the detail pane shows the steps"
    status = StatusMessage(text, failed > 0 ? .error : passed > 0 ? .success : .info)
  }

  /// A command while a check is under way: Esc cancels it (the runner cancels the task);
  /// results that already came in are kept.
  mutating func checkingCommand(_ command: KeyCommand?, _ session: CheckSession) -> [AppEffect] {
    guard command == .cancel else { return [] }
    destination = nil
    let done = session.results.count
    status = StatusMessage(
      "check cancelled" + (done > 0 ? " (\(done) of \(session.lines.count) finished)" : ""), .warning)
    return [.cancelCheck(run: session.run)]
  }

  /// The last check of a route (`@domain` or an address), else of any sender in a domain row.
  public func checkRecord(forSender sender: String) -> CheckRecord? {
    if let exact = checks.last(where: { $0.routeSender.lowercased() == sender.lowercased() }) { return exact }
    guard sender.hasPrefix("@") else { return nil }
    let domain = sender.dropFirst().lowercased()
    return checks.last { $0.routeSender.split(separator: "@").last.map { $0.lowercased() == domain } ?? false }
  }

  /// The last check whose route went through `nexthop`.
  public func checkRecord(forRelay nexthop: String) -> CheckRecord? {
    checks.last { $0.nexthop?.lowercased() == nexthop.lowercased() }
  }
}
