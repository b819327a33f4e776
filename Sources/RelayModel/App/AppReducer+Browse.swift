extension AppState {
  /// Keys while browsing a screen (no dialog or question open).
  mutating func browseKey(_ key: Key) -> [AppEffect] {
    let page = max(layout.listRows - 1, 1)
    switch key {
    case .character(let c) where ("1"..."5").contains(c):
      switchTab(to: Tab(rawValue: Int(String(c))!)!)
    case .right, .tab, .character("l"):
      switchTab(to: Tab(rawValue: tab.rawValue % Tab.allCases.count + 1)!)
    case .left, .backTab, .character("h"):
      switchTab(to: Tab(rawValue: (tab.rawValue + Tab.allCases.count - 2) % Tab.allCases.count + 1)!)
    case .up, .character("k"): move { $0.move(by: -1, count: $1, height: $2) }
    case .down, .character("j"): move { $0.move(by: 1, count: $1, height: $2) }
    case .pageUp, .control("b"): move { $0.move(by: -page, count: $1, height: $2) }
    case .pageDown, .control("f"), .character(" "): move { $0.move(by: page, count: $1, height: $2) }
    case .home, .character("g"): move { $0.select(0, count: $1, height: $2) }
    case .end, .character("G"): move { $0.select($1 - 1, count: $1, height: $2) }
    case .character("a"): add()
    case .character("e"), .enter: edit()
    case .character("E"): openEnvironmentDialog()
    case .character("d"), .delete: delete()
    case .character("x"): toggleOptOut()
    case .character("/"):
      destination = .filter(previous: filter)
    case .escape:
      if !filter.isEmpty {
        filter = ""
        refilter()
        status = StatusMessage("filter cleared")
      }
    case .character("v"): cycleVersion()
    case .character("c"): cycleComparison()
    case .character("t"):
      let address = selectedIndex(.routing).map { derived.routes[$0].route.sender } ?? ""
      var dialog = Dialog.routeAddress(address.hasPrefix("@") ? "postmaster" + address : address)
      updateRoute(&dialog)
      destination = .dialog(dialog)
    case .character("w"): requestWrite()
    case .character("u"): undo()
    case .character("?"), .function(1): destination = .help
    case .character("i"): destination = .diagnostics(scroll: 0)
    case .character("q"), .control("c"):
      return requestQuit()
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
      status = StatusMessage(
        "comparing DMS \(version.name) with \(other.name): \(differing) sender(s) route differently (c: next, again: off)")
    } else {
      status = StatusMessage("comparison off")
    }
  }

  mutating func undo() {
    guard let edit = workspace.undo() else {
      status = StatusMessage("nothing to undo")
      return
    }
    recompute()
    status = StatusMessage("undid: \(edit.summary)")
  }

  mutating func requestWrite() {
    guard workspace.hasPendingChanges else {
      status = StatusMessage("nothing to write: no pending changes")
      return
    }
    destination = .confirm(.write(workspace.plan))
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
