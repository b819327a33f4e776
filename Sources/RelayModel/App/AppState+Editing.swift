extension AppState {
  /// `a`: a dialog to add what the current screen lists.
  mutating func add() {
    switch tab {
    case .domains, .routing:
      destination = .dialog(.relayMapping())
    case .relays:
      var host = "", port = "587"
      if let index = selectedIndex(.relays), let h = derived.relays[index].host {
        host = h
        port = derived.relays[index].port.map(String.init) ?? port
      }
      destination = .dialog(.relayMapping(host: host, port: port))
    case .credentials:
      destination = .dialog(.credentials())
    case .changes:
      status = StatusMessage("add from screens 1–3 (a); this screen shows what will be written")
    case .observed:
      status = StatusMessage("screen 6 shows what the mail log says; edits are made on screens 1–3")
    }
  }

  /// `e`/Enter: a dialog to change the selected entry.
  mutating func edit() {
    switch tab {
    case .domains, .routing:
      guard let row = selectedDomain else {
        status = StatusMessage(tab == .routing ? "only sender domains can be edited here" : "nothing selected")
        return
      }
      destination = .dialog(mappingDialog(for: row))
    case .relays:
      guard let index = selectedIndex(.relays) else { return }
      let relay = derived.relays[index]
      if relay.isFromEnvironment {
        openEnvironmentDialog()
      } else if let key = relay.relayMapKeys.first(where: { $0.hasPrefix("@") }) {
        destination = .dialog(
          .relayMapping(
            domain: String(key.dropFirst()), host: relay.host ?? relay.nexthop,
            port: relay.port.map(String.init) ?? "", isEditing: true))
      } else {
        status = StatusMessage("this relay's key is not '@domain'; edit postfix-relaymap.cf by hand", .warning)
      }
    case .credentials:
      guard let index = selectedIndex(.credentials) else { return }
      let row = derived.credentials[index]
      if row.origin == .environment {
        openEnvironmentDialog()
      } else if let domain = row.domain {
        destination = .dialog(.credentials(domain: domain, user: row.user, isEditing: true))
      } else {
        status = StatusMessage(
          "dms-relay edits '@domain' keys only; change '\(row.key)' in postfix-sasl-password.cf by hand", .warning)
      }
    case .changes:
      status = StatusMessage("u undoes the last change; w writes them all")
    case .observed:
      status = StatusMessage("screen 6 shows what the mail log says; edits are made on screens 1–3")
    }
  }

  func mappingDialog(for row: DomainRow) -> Dialog {
    switch row.relayEntry {
    case .relay(let domain, let value, _):
      let first = NextHopList(value).words.first ?? value
      if case .success(let hop) = NextHop.parse(first) {
        return .relayMapping(domain: domain, host: hop.host, port: String(hop.port), isEditing: true)
      }
      return .relayMapping(domain: domain, host: first, port: "", isEditing: true)
    case .optOut(let domain, _, let matchesCase):
      return .relayMapping(domain: matchesCase ? domain : row.name, optOut: matchesCase, isEditing: true)
    case .none:
      return .relayMapping(domain: row.name, isEditing: true)
    }
  }

  /// `E`, or `e` on an environment relay or credential: the relay variables.
  mutating func openEnvironmentDialog() {
    let workspace = self.workspace
    destination = .dialog(
      .environment(workspace.configuration.environment, location: { workspace.envLocation(for: $0) }))
  }

  /// `d`: asks before removing the selected entry's line.
  mutating func delete() {
    switch tab {
    case .domains, .routing:
      guard let row = selectedDomain else {
        status = StatusMessage("only sender domains have lines to remove here")
        return
      }
      switch row.relayEntry {
      case .relay(let domain, _, let line):
        destination = .confirm(
          .delete([.delDomain(domain: domain)], title: "Remove postfix-relaymap.cf line \(line)?"))
      case .optOut(let domain, let line, _):
        destination = .confirm(
          .delete([.includeDomain(domain: domain)], title: "Remove the opt-out on postfix-relaymap.cf line \(line)?"))
      case .none:
        status = StatusMessage(
          "'@\(row.name)' has no relay map line to remove (it comes from \(row.sources.map(\.rawValue).joined(separator: ", "))); x opts it out")
      }
    case .relays:
      guard let index = selectedIndex(.relays) else { return }
      let relay = derived.relays[index]
      let domains = relay.relayMapKeys.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
      guard !domains.isEmpty else {
        status = StatusMessage(
          relay.isFromEnvironment ? "this relay comes from the environment: E changes it" : "no '@domain' lines to remove")
        return
      }
      destination = .confirm(
        .delete(domains.map { .delDomain(domain: $0) }, title: "Remove the relay map lines using \(relay.nexthop)?"))
    case .credentials:
      guard let index = selectedIndex(.credentials) else { return }
      let row = derived.credentials[index]
      if let domain = row.domain {
        destination = .confirm(.delete([.delAuth(domain: domain)], title: "Remove the credentials for '\(row.key)'?"))
      } else if row.origin == .environment {
        status = StatusMessage("these come from RELAY_USER/RELAY_PASSWORD: E changes them")
      } else {
        status = StatusMessage("dms-relay removes '@domain' keys only; remove '\(row.key)' by hand", .warning)
      }
    case .changes:
      status = StatusMessage("u undoes the last change")
    case .observed:
      status = StatusMessage("screen 6 shows what the mail log says; edits are made on screens 1–3")
    }
  }

  /// `x`: opts the selected domain out of `RELAY_HOST`, or back in.
  mutating func toggleOptOut() {
    guard tab == .domains || tab == .routing, let row = selectedDomain else {
      status = StatusMessage("x works on a sender domain (screens 1 and 4)")
      return
    }
    if case .optOut(let domain, _, true) = row.relayEntry {
      _ = applyEdits([.includeDomain(domain: domain)])
    } else if let error = applyEdits([.excludeDomain(domain: row.name)]) {
      status = StatusMessage(error, .error)
    } else if row.hasRelayEntry {
      status = StatusMessage(
        "pending: opt '@\(row.name)' out of RELAY_HOST — this replaces its relay line; u undoes", .warning)
    }
  }
}
