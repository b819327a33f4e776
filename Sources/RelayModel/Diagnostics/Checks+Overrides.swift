extension Checks {
  /// The settings DMS's relay setup writes again on change detection (spec §8).
  static let relaySetupKeys = [
    "relayhost", "sender_dependent_relayhost_maps", "smtp_sasl_password_maps", "smtp_sender_dependent_authentication",
    "smtp_sasl_auth_enable", "smtp_sasl_security_options", "smtp_tls_security_level",
  ]

  /// The admin's `postfix-main.cf`, `postfix-master.cf` and `user-patches.sh` (spec §8).
  /// Runs after the other checks: with wrappermode on, a relay on port 465 works, so the
  /// port-465 warnings are dropped.
  static func checkOverrides(_ c: Context, _ out: inout [Diagnostic]) {
    let settings = c.router.settings
    let main = PostfixMainCfFile.fileName
    func location(_ key: String) -> SourceLocation? {
      if let override = settings.serviceOverrides[c.router.deliveryService]?[key] {
        return SourceLocation(file: PostfixMasterCfFile.fileName, line: override.line)
      }
      if case .override(let line) = settings.values[key]?.source { return SourceLocation(file: main, line: line) }
      return nil
    }
    if let problem = settings.emptiedBy {
      out.append(
        Diagnostic(
          .mainCfMissingEquals, at: SourceLocation(file: main, line: problem.line),
          "'\(problem.text)' has no '=': DMS's 'postconf -n' stops ('\(problem.reason)') and DMS moves its empty output over main.cf, so every relay setting, credential and TLS level is gone and all mail goes directly to the recipients' MX hosts\(c.version.family >= .v14plus ? "" : " (DMS \(c.version.name) also hides postconf's error)")",
          fix: "write the line as 'name = value'"))
    }
    if let line = c.configuration.postfixMain?.leadingContinuation, settings.emptiedBy == nil {
      out.append(
        Diagnostic(
          .mainCfLeadingWhitespace, at: SourceLocation(file: main, line: line),
          "the first setting line starts with whitespace: appended to main.cf it continues DMS's last main.cf line, whose value it changes",
          fix: "remove the leading whitespace"))
    }
    if c.router.wrappermodeBelowEncrypt {
      out.append(
        Diagnostic(
          .wrappermodeBelowEncrypt, at: location("smtp_tls_wrappermode"),
          "smtp_tls_wrappermode = yes needs smtp_tls_security_level = encrypt (or stronger), but it is '\(c.router.tls)': Postfix defers every message ('smtp_tls_wrappermode requires \"smtp_tls_security_level = encrypt\"')",
          fix: "set smtp_tls_security_level = encrypt next to smtp_tls_wrappermode = yes"))
    } else if c.router.wrappermode {
      let direct = c.routes.lazy.filter { $0.reason == Router.wrappermodeDirectReason }.prefix(4).map(\.sender)
      if !direct.isEmpty {
        let names = direct.prefix(3).joined(separator: ", ") + (direct.count > 3 ? ", …" : "")
        out.append(
          Diagnostic(
            .wrappermodeBreaksDirect, at: location("smtp_tls_wrappermode"),
            "smtp_tls_wrappermode = yes applies to every delivery of the \(c.router.deliveryService) transport: mail that goes directly (\(names)) reaches MX hosts on port 25, which expect plain SMTP, so it is deferred",
            fix: "send every sender through the port-465 relay (relayhost), or use the relay's STARTTLS port 587 and drop smtp_tls_wrappermode"))
      }
    }
    // With wrappermode on a transport, a 465 relay works unless a route still says it does not.
    if c.router.anyTransportWrappermode, !c.routes.contains(where: { $0.reason == PostfixFacts.implicitTLSRouteReason }) {
      out.removeAll { $0.id == .port465 }
    }
    checkOverriddenTables(c, location, &out)
    checkUndoneOnChange(c, &out)
    if c.configuration.hasUserPatches {
      out.append(
        Diagnostic(
          .userPatches, at: SourceLocation(file: "user-patches.sh"),
          "user-patches.sh runs after all of DMS's setup at every start: what it changes in Postfix is not in this preview",
          fix: "check what the script changes (postconf, master.cf) against the preview"))
    }
  }

  /// Tables named by the overrides: DMS's own that DMS did not write, relay map entries
  /// no lookup reaches, and tables the preview cannot read.
  private static func checkOverriddenTables(
    _ c: Context, _ location: (String) -> SourceLocation?, _ out: inout [Diagnostic]
  ) {
    let delivery = c.router.delivery
    if delivery.relayMapMissing || (delivery.saslTableMissing && delivery.authEnabled) {
      let (key, value) =
        delivery.relayMapMissing
        ? ("sender_dependent_relayhost_maps", delivery.relayMaps) : ("smtp_sasl_password_maps", delivery.passwordMaps)
      out.append(
        Diagnostic(
          .overrideNamesMissingTable, at: location(key),
          "\(key) = '\(value)' \(Router.missingTablePhrase(value)) with this configuration on DMS \(c.version.name): every lookup fails, so \(delivery.relayMapMissing ? "all mail is deferred ('address resolver failure')" : "relayed mail is deferred")",
          fix: "remove \(key) from postfix-main.cf, or point it at a table that exists"))
    }
    // Counted only when an override replaced the map (parsing it costs as much as the
    // router's own parse: 400,000 lines).
    if !delivery.readsDMSRelayMap, !delivery.relayMapMissing, c.router.settings.emptiedBy == nil,
      let at = location("sender_dependent_relayhost_maps"),
      case let entries = c.state.relayhostMap.map({ TexthashTable($0).entries.count }) ?? 0, entries > 0
    {
      let value = delivery.relayMaps
      out.append(
        Diagnostic(
          .overrideDisablesRelayMap, at: at,
          "sender_dependent_relayhost_maps = '\(value)' replaces DMS's relay map, so its \(entries) entr\(entries == 1 ? "y is" : "ies are") never looked up",
          fix: "remove the setting from postfix-main.cf, or include texthash:\(Generator.relayhostMapPath) in it"))
    }
    checkRelayEntriesOverridden(c, &out)
    checkShadowedRelayEntries(c, location("sender_dependent_relayhost_maps"), &out)
    checkRecipientTransports(c, location("transport_maps"), &out)
    if let reason = delivery.unpreviewable {
      let key = reason.split(separator: " ").first.map(String.init) ?? ""
      out.append(
        Diagnostic(
          .unpreviewableSetting, at: location(key),
          "\(reason), so every route is shown as 'cannot be previewed'",
          fix: reason.contains("container's host name")
            ? "set OVERRIDE_HOSTNAME (or the compose service's hostname:) so the preview knows the host name DMS uses"
            : "check those senders' mail in the mail log ('dms-relay log')"))
    }
  }

  /// `transport_maps` read from the config folder: its recipient keys (which the sender
  /// routes do not show) and a `*` entry, which also takes the server's own mail.
  private static func checkRecipientTransports(_ c: Context, _ at: SourceLocation?, _ out: inout [Diagnostic]) {
    guard let table = c.router.delivery.recipientTransports, table.isUsable else { return }
    let keys = table.entries.filter { $0.key != "*" }
    if !keys.isEmpty {
      let shown = keys.prefix(3).map { "'\($0.key)' → \($0.value)" }.joined(separator: ", ")
      out.append(
        Diagnostic(
          .transportMapRecipients, at: at,
          "transport_maps sends mail to \(keys.count) recipient key\(keys.count == 1 ? "" : "s") its own way (\(shown)\(keys.count > 3 ? ", …" : "")): the routes shown are for other recipients",
          fix: "check mail to those recipients in the mail log ('dms-relay log')"))
    }
    if let wildcard = table.position(of: "*") {
      out.append(
        Diagnostic(
          .transportMapWildcard, at: at,
          "transport_maps has '* \(table.entries[wildcard].value)', which Postfix applies to every recipient, the server's own mailboxes included: their mail leaves through that transport instead of being delivered locally",
          fix: "key the entries by the remote domains, or use sender_dependent_default_transport_maps or relayhost for outbound mail"))
    }
  }

  /// Relay map entries whose senders `sender_dependent_default_transport_maps` sends to a
  /// next hop of its own: the entry is never used (at most 20 reported).
  private static func checkRelayEntriesOverridden(_ c: Context, _ out: inout [Diagnostic]) {
    guard let table = c.router.relayTable, c.router.delivery.senderTransports != nil else { return }
    var reported: Set<Int> = []
    for route in c.routes where route.warnings.contains(where: { $0.code == "relay-overridden" }) {
      let keys = route.sender.hasPrefix("@") ? [route.sender] : SenderAddress(route.sender)?.lookupKeys ?? []
      guard reported.count < 20, let position = keys.lazy.compactMap({ table.position(of: $0) }).first,
        reported.insert(position).inserted
      else { continue }
      let entry = table.entries[position]
      let origin = c.router.origin(c.router.relayOrigins, entry.lineIndex)
      out.append(
        Diagnostic(
          .overrideDisablesRelayMap, at: origin?.location,
          "the relay map entry '\(entry.key) \(entry.value)' is never used: \(route.decidedBy ?? "sender_dependent_default_transport_maps") sends this mail to \(route.nexthop ?? "another next hop")",
          fix: "remove one of the two: the relay map entry or the sender transport entry"))
    }
  }

  /// Relay map entries of a later table in a list whose key an earlier table has: Postfix
  /// stops at the first table that has the key, so the later line is never read.
  private static func checkShadowedRelayEntries(_ c: Context, _ at: SourceLocation?, _ out: inout [Diagnostic]) {
    guard let table = c.router.relayTable, !table.shadowedLines.isEmpty, let lines = c.router.relayTableLines else { return }
    for index in table.shadowedLines.prefix(20) {
      let line = KeyValueLine(lines.lines[index])
      guard let winner = table.lookup(line.key) else { continue }
      let origin = c.router.origin(c.router.relayOrigins, index)
      let earlier = c.router.origin(c.router.relayOrigins, winner.lineIndex)?.location
      out.append(
        Diagnostic(
          .overrideDisablesRelayMap, at: origin?.location ?? at,
          "the relay map entry '\(line.key) \(line.value)' is never used: an earlier table in sender_dependent_relayhost_maps has '\(winner.key) \(winner.value)'\(earlier.map { " (\($0))" } ?? ""), and Postfix stops at the first table that has the key",
          fix: "remove one of the two entries, or change the order of the tables"))
    }
  }

  /// A `postfix-main.cf` value that the relay setup writes again on change detection:
  /// after an edit of the relay files, the running server differs from the preview (which
  /// shows the state after a restart) until the next restart.
  private static func checkUndoneOnChange(_ c: Context, _ out: inout [Diagnostic]) {
    let settings = c.router.settings
    guard settings.path == .startup, settings.emptiedBy == nil,
      let main = c.configuration.postfixMain, main.assignments.contains(where: { relaySetupKeys.contains($0.key) }),
      c.rules.changeDetectionReappliesRelayFiles(provisioner: c.env["ACCOUNT_PROVISIONER"]),
      c.rules.changeDetectionRebuildsRelayTablesAlways || c.relayHostSet
    else { return }
    let changed = PostfixSettings(
      configuration: c.configuration,
      state: Generator.generate(c.configuration, family: c.version.family, path: .change))
    for key in relaySetupKeys {
      guard case .override(let line) = settings.values[key]?.source,
        let after = changed.values[key], after.source == .changeDetection, after.value != settings.raw(key)
      else { continue }
      out.append(
        Diagnostic(
          .overrideUndoneOnChange, at: SourceLocation(file: PostfixMainCfFile.fileName, line: line),
          "\(key) = '\(settings.raw(key) ?? "")' holds after a restart (what this preview shows), but when the relay files change, DMS \(c.version.name)'s change detection sets \(key) = '\(after.value)' again until the next restart",
          fix: "restart the container after editing the relay files, or leave \(key) to DMS"))
    }
  }
}
