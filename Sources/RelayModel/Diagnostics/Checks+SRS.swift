/// SRS (`ENABLE_SRS=1`, postsrsd) and the senders of mail nobody typed (spec §9).
extension Checks {
  /// What needs no route: postsrsd that cannot start, the SRS domain, exclusions that
  /// never match, and the envelope senders of forwarded mail and Sieve.
  static func checkSRS(_ c: Context, _ out: inout [Diagnostic]) {
    let srs = c.router.srs
    checkForwardedSenders(c, srs, &out)
    guard srs.isEnabled else { return }
    let at = c.envLocation("ENABLE_SRS")
    if let blank = srs.blankVariable {
      let fixed = SRSRewrite.split(blank.value).joined(separator: blank.name == "SRS_EXCLUDE_DOMAINS" ? "," : "")
      out.append(
        Diagnostic(
          .srsPostsrsdNeverStarts, at: c.envLocation(blank.name) ?? at,
          "\(blank.name)='\(blank.value)' holds a blank: DMS \(c.version.name) \(c.version.family == .v11 ? "sources /etc/default/postsrsd in postsrsd's init script (set -e), where the second word runs as a command and fails" : "starts postsrsd with env $(grep … /etc/default/postsrsd), the shell splits the value and env runs the second word as a command"), so postsrsd never starts; Postfix's cleanup then cannot reach tcp:localhost:10001 and no message leaves the maildrop, bounces included",
          fix: "remove the blanks: \(blank.name)=\(fixed)"))
      return
    }
    if !srs.rewritesEnvelopeSender {
      out.append(
        Diagnostic(
          .srsDomain, at: c.envLocation("SRS_SENDER_CLASSES") ?? at,
          "SRS_SENDER_CLASSES='\(srs.senderClasses)' has no envelope_sender: postsrsd rewrites headers only, so routing is unchanged",
          fix: "nothing to do for relaying"))
      return
    }
    out.append(
      Diagnostic(
        .srsDomain, at: c.envLocation("SRS_DOMAINNAME") ?? at,
        "ENABLE_SRS=1 rewrites every envelope sender outside \(srs.domain.name.map { "'\($0)'" } ?? "SRS_DOMAINNAME") and SRS_EXCLUDE_DOMAINS to SRS0=…@\(srs.domain.text) — the users' own mail from other domains, forwarded mail and Sieve redirects alike (vacation replies use <> and stay); the domain is \(srs.domain.explanation)",
        fix: srs.domain.name == nil || srs.domain.isAssumed
          ? "set SRS_DOMAINNAME so the preview does not have to guess" : "nothing to do if that is the domain you expect"))
    for entry in srs.excludedDomains where entry.contains("@") {
      out.append(
        Diagnostic(
          .srsExcludeNeverMatches, at: c.envLocation("SRS_EXCLUDE_DOMAINS") ?? at,
          "SRS_EXCLUDE_DOMAINS entry '\(entry)' contains '@': postsrsd compares it with the end of the address after an '@', so it never matches and those senders are rewritten",
          fix: "write the bare domain: '\(entry.split(separator: "@").last.map(String.init) ?? entry)'"))
    }
  }

  /// Domains whose relay entries SRS bypasses (read from the routes).
  static func checkSRSRoutes(_ c: Context, _ out: inout [Diagnostic]) {
    let srs = c.router.srs
    guard srs.isActive, !srs.neverStarts else { return }
    let bypassed = c.routes.filter { route in route.warnings.contains { $0.code == "srs-bypass" } }
    guard let first = bypassed.first else { return }
    let domains = bypassed.map { SenderAddress($0.sender)?.domain.lowercased() ?? $0.sender }
    // First-seen order, each once (a Set: 100,000 bypassed domains are possible).
    var seen: Set<String> = []
    let unique = domains.filter { seen.insert($0).inserted }
    let listed = unique.prefix(5).map { "'@\($0)'" }.joined(separator: ", ") + (unique.count > 5 ? " and \(unique.count - 5) more" : "")
    out.append(
      Diagnostic(
        .srsRewritesSender, at: c.envLocation("ENABLE_SRS"),
        "ENABLE_SRS=1 rewrites the envelope sender of all mail from \(listed) to SRS0=…@\(srs.domain.text) before the relay lookup, so their own relay entries never match: that mail goes \(first.summary) instead",
        fix: "add the domains to SRS_EXCLUDE_DOMAINS, commas only (\(Router.excludeValue(adding: unique.prefix(5).joined(separator: ","), to: srs.excludeValue))\(unique.count > 5 ? ",…" : "")), or give '@\(srs.domain.text)' the relay entry this mail needs (SRS_SENDER_CLASSES=header_sender would stop rewriting envelope senders altogether, and with it SRS for forwarded mail)"
      ))
  }
}
