extension AppState {
  /// A command while browsing a screen (no dialog or question open), and what arriving at
  /// or leaving a screen starts or stops (screen 6's log).
  mutating func browse(_ command: KeyCommand) -> [AppEffect] {
    if isReadOnly, KeyBindings.editCommands.contains(command) {
      status = StatusMessage("read-only (--read-only): nothing can be changed here", .warning)
      return []
    }
    let previous = tab, previousVersion = version
    var effects = browseCommand(command)
    if version != previousVersion { effects += refreshObserved() }
    return tab == previous ? effects : effects + tabChanged(from: previous)
  }

  private mutating func browseCommand(_ command: KeyCommand) -> [AppEffect] {
    let page = max(layout.listRows - 1, 1)
    switch command {
    case .showTab(let tab): switchTab(to: tab)
    case .nextTab: switchTab(to: Tab(rawValue: tab.rawValue % Tab.allCases.count + 1)!)
    case .previousTab: switchTab(to: Tab(rawValue: (tab.rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1)!)
    case .lineUp: move { $0.move(by: -1, count: $1, height: $2) }
    case .lineDown: move { $0.move(by: 1, count: $1, height: $2) }
    case .pageUp: move { $0.move(by: -page, count: $1, height: $2) }
    case .pageDown: move { $0.move(by: page, count: $1, height: $2) }
    case .first: move { $0.select(0, count: $1, height: $2) }
    case .last: move { $0.select($1 - 1, count: $1, height: $2) }
    case .add: add()
    case .edit: edit()
    case .editEnvironment: openEnvironmentDialog()
    case .delete: delete()
    case .toggleOptOut: toggleOptOut()
    case .startFilter:
      destination = .filter(previous: filter)
    case .clearFilter:
      if !filter.isEmpty {
        filter = ""
        refilter()
        status = StatusMessage("filter cleared")
      }
    case .cycleVersion: cycleVersion()
    case .cycleComparison: cycleComparison()
    case .routeAddress:
      let address = selectedIndex(.routing).map { derived.routes[$0].route.sender } ?? ""
      var dialog = Dialog.routeAddress(address.hasPrefix("@") ? "postmaster" + address : address)
      updateRoute(&dialog)
      destination = .dialog(dialog)
    case .write: requestWrite()
    case .undo: undo()
    case .redo: redo()
    case .showSnippet:
      if let composeSnippet {
        destination = .notice(composeSnippet)
      } else {
        status = StatusMessage("no compose snippet yet: E shows one for variables set inline in compose")
      }
    case .showHelp: destination = .help
    case .showDiagnostics: destination = .diagnostics(scroll: 0)
    case .quit:
      return requestQuit()
    case .checkRoute:
      return checkSelectedRoute()
    case .checkAllRelays:
      return startCheck(.perRelay)
    case .toggleFollow:
      return toggleFollow()
    case .showMessages:
      showMessages()
    default:
      break
    }
    return []
  }

  mutating func switchTab(to tab: Tab) {
    self.tab = tab
    if visible[tab] == nil { visible[tab] = filtered(tab) }
    clampPosition(tab)
  }

  mutating func move(_ change: (inout ListPosition, Int, Int) -> Void) {
    var position = position(tab)
    change(&position, visibleRows(tab).count, layout.listRows)
    positions[tab] = position
  }

  mutating func cycleVersion() {
    version = versions.next(after: version)
    if comparisonVersion == version { comparisonVersion = versions.nextComparison(after: nil, selected: version) }
    recompute()
    status = StatusMessage("previewing DMS \(version.name) (\(version.family.rawValue))")
  }

  mutating func cycleComparison() {
    comparisonVersion = versions.nextComparison(after: comparisonVersion, selected: version)
    recompute()
    if let other = comparisonVersion {
      if tab != .routing { switchTab(to: .routing) }
      let differing = derived.routes.filter(\.differs).count
      let which = versions.isNewer(other, than: version) ? "newer" : "older"
      status = StatusMessage(
        "comparing DMS \(version.name) with \(which) \(other.name): \(differing) sender(s) route differently, \(derived.comparisonFixed.count) diagnostic(s) fixed, \(derived.comparisonIntroduced.count) new (i lists them; c: next, again: off)")
    } else {
      status = StatusMessage("comparison off")
    }
  }

  mutating func undo() {
    let count = max(undoSteps.popLast() ?? 1, 1)
    var undone: [RelayEdit] = []
    for _ in 0..<count {
      guard let edit = workspace.undo() else { break }
      undone.insert(edit, at: 0)
    }
    guard !undone.isEmpty else {
      undoSteps = []
      status = StatusMessage("nothing to undo")
      return
    }
    if workspace.edits.isEmpty { undoSteps = [] }
    redoSteps.append(undone)
    recompute()
    status = StatusMessage("undid: \(undone.map(\.summary).joined(separator: "; ")) (^R redoes)")
  }

  /// Applies the step `u` undid last again.
  mutating func redo() {
    guard let step = redoSteps.popLast() else {
      status = StatusMessage("nothing to redo")
      return
    }
    let waiting = redoSteps
    if let error = applyEdits(step) {
      status = StatusMessage("cannot redo: \(error)", .error)
      return
    }
    redoSteps = waiting
  }

  mutating func requestWrite() {
    guard workspace.hasPendingChanges else {
      status = StatusMessage("nothing to write: no pending changes")
      return
    }
    destination = .confirm(
      .write(workspace.plan, version: version, provisioner: workspace.configuration.environment(for: version, path: .startup)["ACCOUNT_PROVISIONER"]))
  }

  mutating func requestQuit() -> [AppEffect] {
    guard workspace.hasPendingChanges else { return [.quit] }
    destination = .confirm(.quit(workspace.edits))
    return []
  }

  /// Applies edits as one step: all of them, or none (the workspace is restored).
  /// Returns the error text when one failed.
  mutating func applyEdits(_ edits: [RelayEdit]) -> String? {
    let before = workspace
    let pendingBefore = workspace.edits.count
    var notes: [String] = []
    for edit in edits {
      do {
        notes += try workspace.apply(edit)
      } catch {
        workspace = before
        return error.description
      }
    }
    guard workspace.edits.count != pendingBefore || !workspace.hasPendingChanges else {
      status = StatusMessage(notes.first ?? "nothing to change")
      return nil
    }
    redoSteps = []
    if workspace.edits.count > pendingBefore {
      undoSteps.append(workspace.edits.count - pendingBefore)
    } else {
      undoSteps = workspace.edits.isEmpty ? [] : undoSteps
    }
    recompute()
    let summary = edits.map(\.summary).joined(separator: "; ")
    let note = notes.first.map { " (\($0))" } ?? ""
    if !workspace.hasPendingChanges {
      status = StatusMessage("\(summary): the files are back as read; nothing is pending", .success)
    } else {
      status = StatusMessage("pending: \(summary)\(note) — w writes, u undoes", .success)
    }
    return nil
  }
}
