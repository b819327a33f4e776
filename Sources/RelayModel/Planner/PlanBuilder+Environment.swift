/// `RELAY_HOST`, `DEFAULT_RELAY_HOST` and the env credentials a plan needs (spec §3).
extension PlanBuilder {
  mutating func planEnvironment() throws(PlanError) {
    switch strategy {
    case .noRelay, .relayMapOnly:
      break
    case .relayHost(let relay):
      anchor = relay
    case .defaultRelay(let relay):
      defaultRelay = relay
      let currentMatches =
        !original["RELAY_HOST"].isEmpty && original.envRelayHost.lowercased() == relay.nextHop.lowercased()
      let needsRelayHost =
        rules.relayMapNeedsRelayHost
        && (relay.credentials != nil
          || domains.contains { intent.destination(for: $0).relay.map { $0 != relay } ?? false })
      if needsRelayHost || currentMatches { anchor = relay }
    }

    if let anchor {
      if environment["RELAY_HOST"].lowercased() != anchor.host.lowercased() {
        try add(.edit(.setEnv(key: "RELAY_HOST", value: anchor.host)), relayHostReason(anchor))
      }
      let portText = environment["RELAY_PORT"]
      let port = portText.isEmpty ? 25 : Int(portText)
      if port != anchor.port {
        if anchor.port == 25 {
          try add(.edit(.unsetEnv(key: "RELAY_PORT")), "DMS writes RELAY_HOST as [RELAY_HOST]:RELAY_PORT; port 25 is the default")
        } else {
          try add(
            .edit(.setEnv(key: "RELAY_PORT", value: String(anchor.port))),
            "DMS writes RELAY_HOST as [RELAY_HOST]:RELAY_PORT (default 25)")
        }
      }
    } else if !environment["RELAY_HOST"].isEmpty {
      let reason =
        rules.relayMapWorksAlone
        ? "on DMS 14+ the relay map works without it, and RELAY_HOST would send every managed domain to '\(environment["RELAY_HOST"])'"
        : "RELAY_HOST would send every managed domain to '\(environment["RELAY_HOST"])'"
      try add(.edit(.unsetEnv(key: "RELAY_HOST")), reason)
    }

    if let defaultRelay {
      if environment["DEFAULT_RELAY_HOST"].lowercased() != defaultRelay.nextHop.lowercased() {
        try add(
          .edit(.setEnv(key: "DEFAULT_RELAY_HOST", value: defaultRelay.nextHop)),
          "Postfix's relayhost: every sender without its own relay map line, including domains DMS does not know, goes via \(defaultRelay.nextHop)")
      }
    } else if !environment["DEFAULT_RELAY_HOST"].isEmpty {
      let directs = domains.filter { intent.destination(for: $0) == .direct }
      let reason =
        directs.isEmpty && intent.otherDomains == .direct
        ? "every sender without its own relay map line would go via '\(environment["DEFAULT_RELAY_HOST"])', not direct"
        : "every sender without its own relay map line would go via '\(environment["DEFAULT_RELAY_HOST"])'; no relay map entry can say 'direct'"
      try add(.edit(.unsetEnv(key: "DEFAULT_RELAY_HOST")), reason)
    }

    // RELAY_USER/RELAY_PASSWORD: DMS keys them to the default relay; keep them only when
    // they already are that relay's credentials (the file is preferred for new ones).
    if original.hasEnvCredentials, let relay = envCredentialsRelay {
      let current = RelayCredentials(user: original["RELAY_USER"], password: original["RELAY_PASSWORD"])
      if relay.credentials == current {
        keepsEnvCredentials = true
      } else {
        let why =
          relay.credentials == nil
          ? "Postfix would log in to \(relay.nextHop) with them, which is meant to be used without AUTH"
          : "they are not the credentials wanted for \(relay.nextHop); the new ones go to \(SaslPasswordFile.fileName)"
        try add(.edit(.unsetEnv(key: "RELAY_USER")), "RELAY_USER/RELAY_PASSWORD: \(why)")
        try add(.edit(.unsetEnv(key: "RELAY_PASSWORD")), "RELAY_USER/RELAY_PASSWORD: \(why)")
      }
    }
  }

  /// The relay DMS keys `RELAY_USER`/`RELAY_PASSWORD` to after the plan (spec §3).
  var envCredentialsRelay: Relay? {
    rules.envCredentialsRelay(relayHost: anchor, defaultRelay: defaultRelay)
  }

  func relayHostReason(_ relay: Relay) -> String {
    switch strategy {
    case .defaultRelay:
      return "DMS < 14 reads \(RelayMapFile.fileName) and \(SaslPasswordFile.fileName) only when RELAY_HOST is set"
    default:
      if intent.otherDomains != .direct {
        return "DMS maps every domain it manages to RELAY_HOST; DEFAULT_RELAY_HOST cannot be used because some domains must go direct"
      }
      return "DMS < 14 reads \(RelayMapFile.fileName) and \(SaslPasswordFile.fileName) only when RELAY_HOST is set; it maps every managed domain to it (the relay most of the relayed domains use)"
    }
  }
}
