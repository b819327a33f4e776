/// The plain explanation and fix for one check's outcome, for this configuration and DMS
/// version. One home for every sentence `check` says about a relay.
enum CheckExplanation {
  static func text(plan: CheckPlan, run: CheckRun) -> String {
    guard let failure = run.failure else { return passed(plan, run) }
    return failed(plan, run, failure)
  }

  // MARK: passed

  private static func passed(_ plan: CheckPlan, _ run: CheckRun) -> String {
    var text = "Postfix can relay mail from '\(plan.sender)' via \(plan.relay)"
    if run.authenticated, let user = plan.credentials?.user {
      text += " as '\(user)' (AUTH \(run.mechanism ?? "?"))"
    } else {
      text += " without AUTH"
    }
    text += plan.sendTo.map { "; the test message to '\($0)' was accepted." } ?? "."
    if let certificate = run.certificate, !certificate.verifies {
      text += " The certificate does not verify (\(certificate.text)); TLS level '\(plan.tlsLevel.rawValue)' does not require it."
    }
    return text
  }

  // MARK: failed

  private static func failed(_ plan: CheckPlan, _ run: CheckRun, _ failure: CheckFailure) -> String {
    let relay = plan.relay
    let host = plan.nexthop.host
    switch failure {
    case .unresolvable(_, let detail):
      return "'\(host)' does not resolve (\(detail)): Postfix bounces mail from '\(plan.sender)' ('Host or domain name not found'). Fix: correct the relay host in \(relaySource(plan))."
    case .dnsTemporary(_, let detail):
      return "DNS gave no usable answer for '\(host)' (\(detail)): Postfix defers mail from '\(plan.sender)' and retries. Fix: check the container's name servers, or the relay host in \(relaySource(plan))."
    case .connectionRefused(let addresses):
      let by = addresses == [relay] ? "" : " by \(addresses.joined(separator: ", "))"
      return "Nothing listens on \(relay) (connection refused\(by)): Postfix defers mail from '\(plan.sender)'. Fix: check the port in \(relaySource(plan)); providers take submission on 587 (STARTTLS)."
    case .connectTimeout(let addresses):
      return "No answer from \(relay) (\(addresses.joined(separator: ", "))) in time: a firewall drops the connection (many networks block outgoing port 25). Postfix defers mail from '\(plan.sender)'. Fix: use the provider's submission port 587 in \(relaySource(plan)), or open the firewall."
    case .connectFailed(let detail):
      return "Cannot connect to \(relay) (\(detail)): Postfix defers mail from '\(plan.sender)'."
    case .timeout(.greeting) where plan.nexthop.port == 465 && !plan.wrapperMode:
      return "\(relay) never greets: port 465 expects TLS from the first byte (implicit TLS), and Postfix needs smtp_tls_wrappermode = yes for that, which DMS \(plan.version.name) never sets. Postfix defers every message via \(relay). Fix: use the provider's STARTTLS port, usually 587, in \(relaySource(plan))."
    case .timeout(let step):
      return "\(relay) did not answer \(stepText(step)) in time: Postfix defers mail from '\(plan.sender)' and retries."
    case .closed(.greeting), .closed(.connect):
      return "\(relay) closed the connection before greeting: it refuses this client (an IP block or a connection limit). Postfix defers mail from '\(plan.sender)'."
    case .closed(let step):
      return "\(relay) closed the connection after \(stepText(step)): Postfix defers mail from '\(plan.sender)'."
    case .badReply(let step, let detail):
      return "\(relay) answered \(stepText(step)) with something that is not SMTP (\(detail)): Postfix defers mail from '\(plan.sender)'."
    case .rejected(let step, let code, let text):
      return rejected(plan, run, step: step, code: code, text: text)
    case .noStartTLS:
      return "TLS level '\(plan.tlsLevel.rawValue)' requires STARTTLS, but \(relay) does not offer it: Postfix defers all mail via \(relay). \(levelOrigin(plan))"
    case .handshake(let detail):
      let outcome =
        plan.tlsLevel.requiresTLS
        ? "Postfix defers mail from '\(plan.sender)'" : "with level 'may' Postfix retries the delivery without TLS"
      return "The TLS handshake with \(relay) failed (\(detail)): \(outcome)."
    case .certificate(let certificate):
      return certificateFailure(plan, certificate)
    case .noMechanism(let offered):
      return "\(relay) offers AUTH \(offered.joined(separator: " ")), none of which Postfix's Cyrus SASL client has: Postfix defers mail from '\(plan.sender)' ('no mechanism available'). Fix: ask the provider for PLAIN or LOGIN over TLS."
    case .overallTimeout:
      return "The check of \(relay) ran out of time before it finished."
    case .cancelled:
      return "The check of \(relay) was cancelled."
    }
  }

  private static func rejected(_ plan: CheckPlan, _ run: CheckRun, step: CheckStepName, code: Int, text: String)
    -> String
  {
    let relay = plan.relay
    let reply = "'\(code) \(text)'"
    let temporary = code >= 400 && code < 500
    let consequence = temporary ? "Postfix defers the mail and retries" : "Postfix bounces the mail"
    switch step {
    case .auth:
      let user = plan.credentials?.user ?? "?"
      if code == 535 || text.contains("5.7.8") {
        return "\(relay) refused the password for '\(user)' (\(reply)): the password (or API key) is wrong, so \(consequence). It is set in \(credentialsSource(plan)). Fix: set the right password for '\(user)' there (dms-relay add-auth rewrites the line)."
      }
      if code == 534 || text.contains("5.7.9") {
        return "\(relay) wants a stronger login for '\(user)' (\(reply)): the provider requires an app password or OAuth for SMTP. Fix: create an app password and set it in \(credentialsSource(plan))."
      }
      return "\(relay) refused AUTH for '\(user)' (\(reply)): \(consequence). The credentials come from \(credentialsSource(plan))."
    case .mailFrom:
      if code == 530 || text.contains("5.7.0") || text.lowercased().contains("authentication required") {
        return authRequired(plan, run, reply: reply)
      }
      return senderRefused(plan, run, reply: reply, consequence: consequence)
    case .rcptTo:
      return "\(relay) refused the recipient '\(plan.sendTo ?? "")' (\(reply)) after accepting the sender: the relay works for '\(plan.sender)'; this recipient is refused."
    case .data:
      return "\(relay) refused the test message (\(reply)): \(consequence)."
    case .greeting:
      return "\(relay) refuses this client at connect (\(reply)): \(consequence)."
    case .ehlo:
      return "\(relay) refused EHLO (\(reply)): \(consequence)."
    case .starttls:
      return "\(relay) refused STARTTLS (\(reply)): \(consequence)."
    default:
      return "\(relay) refused \(stepText(step)) (\(reply)): \(consequence)."
    }
  }

  /// 530 at MAIL FROM: the relay wants AUTH and Postfix sent none.
  private static func authRequired(_ plan: CheckPlan, _ run: CheckRun, reply: String) -> String {
    let relay = plan.relay
    guard plan.credentials != nil else {
      let domain = plan.sender.split(separator: "@").last.map(String.init) ?? plan.sender
      var text =
        "\(relay) requires AUTH (\(reply)), but no credentials match '\(plan.sender)', so Postfix sends none and the mail bounces. Postfix looks them up by the sender ('\(plan.sender)', then '@\(domain)'), then by the relay host '\(plan.nexthop.host)', then by the next hop as written ('\(plan.nexthop.written)'). Fix: add credentials under one of those keys to \(SaslPasswordFile.fileName), e.g. 'dms-relay add-auth \(domain) USER'."
      if plan.version.family.rules.relayMapNeedsRelayHost {
        text += " On DMS \(plan.version.name) that file is only read while RELAY_HOST is set."
      }
      return text
    }
    if !run.serverOffersAuth {
      let when = run.steps.contains { $0.name == .starttls && $0.ok } ? "even after STARTTLS" : "without TLS"
      return "\(relay) requires AUTH (\(reply)) but does not offer it \(when), so Postfix sends mail from '\(plan.sender)' without logging in and it bounces. Fix: check that the relay host and port are the provider's submission service (usually port 587 with STARTTLS)."
    }
    return "\(relay) requires AUTH (\(reply)) although the login as '\(plan.credentials?.user ?? "")' was accepted: the mail bounces. Fix: check with the provider which account may relay."
  }

  /// A refusal of the sender address itself: the provider has not verified it.
  private static func senderRefused(_ plan: CheckPlan, _ run: CheckRun, reply: String, consequence: String)
    -> String
  {
    let account = run.authenticated ? " for the account '\(plan.credentials?.user ?? "")'" : ""
    return
      "\(plan.relay) refused '\(plan.sender)' as sender (\(reply)): the provider has not verified this address or its domain\(account), so \(consequence). Fix: verify it at the provider (Amazon SES: a verified identity for the address or domain; Microsoft 365: Send As permission for the mailbox, SendAsDenied otherwise; Gmail: a 'Send mail as' address), or send as an address the account may use."
  }

  private static func certificateFailure(_ plan: CheckPlan, _ certificate: CertificateSummary) -> String {
    let level = "TLS level '\(plan.tlsLevel.rawValue)' requires a verified certificate, so Postfix defers mail from '\(plan.sender)'."
    if !certificate.nameMatches {
      let names = certificate.names.isEmpty ? "no DNS name" : certificate.names.map { "'\($0)'" }.joined(separator: ", ")
      return "The certificate of \(plan.relay) is for \(names), not '\(certificate.checkedName)': \(level) Fix: use a name the certificate has as the relay host in \(relaySource(plan))."
    }
    if certificate.expired {
      return "The certificate of \(plan.relay) expired on \(CertificateSummary.date(certificate.notAfter)): \(level) The provider must renew it."
    }
    let why = certificate.selfSigned ? "is self-signed" : "is not signed by a CA in the system store"
    return "The certificate of \(plan.relay) \(why): \(level) Fix: lower the level to 'encrypt', or trust the relay's CA."
  }

  // MARK: where things are set

  /// The table entry (and file line) that chose the relay.
  static func relaySource(_ plan: CheckPlan) -> String {
    let by = plan.route.decidedBy ?? "relayhost"
    return plan.route.decidedByOrigin.map { "\(by) (\($0.reference))" } ?? by
  }

  /// The entry (and file line or environment variables) that supplied the credentials.
  static func credentialsSource(_ plan: CheckPlan) -> String {
    let by = plan.credentials?.decidedBy ?? "sasl_passwd"
    guard let origin = plan.credentials?.origin else { return by }
    if case .environment(let keys) = origin { return "\(by), from \(keys.joined(separator: "/")) in the env file" }
    return "\(by) (\(origin.reference))"
  }

  private static func levelOrigin(_ plan: CheckPlan) -> String {
    plan.tlsLevel == .encrypt
      ? "DMS sets smtp_tls_security_level = encrypt whenever credentials exist. Fix: use the provider's STARTTLS port (587)."
      : ""
  }

  static func stepText(_ step: CheckStepName) -> String {
    switch step {
    case .plan: return "planning"
    case .resolve: return "name resolution"
    case .connect: return "the connection"
    case .greeting: return "with a greeting"
    case .ehlo: return "EHLO"
    case .starttls: return "STARTTLS"
    case .certificate: return "the certificate check"
    case .auth: return "AUTH"
    case .mailFrom: return "MAIL FROM"
    case .rcptTo: return "RCPT TO"
    case .data: return "DATA"
    case .quit: return "QUIT"
    }
  }
}
