/// The envelope senders of mail nobody typed at this server: forwarded by an alias, or sent
/// by Sieve (spec §9, forwarded mail).
extension Checks {
  /// A `postfix-virtual.cf` alias that forwards to an address outside the hosted domains:
  /// the forwarded copy keeps the envelope sender of whoever wrote to the alias (postsrsd
  /// rewrites it when SRS is on), so it takes that sender's route, not the alias domain's.
  /// Sieve's `redirect` keeps the envelope sender the same way (Pigeonhole's default
  /// `sieve_redirect_envelope_from = sender`, which DMS leaves alone); `vacation` replies
  /// go out with the null sender `<>`.
  static func checkForwardedSenders(_ c: Context, _ srs: SRSRewrite, _ out: inout [Diagnostic]) {
    guard let virtual = c.configuration.virtual else { return }
    let kinds = virtual.kinds
    var hosted: Set<String> = []
    for case .alias(let key, _) in kinds {
      if let sender = SenderAddress(key) { hosted.insert(sender.domain.lowercased()) }
    }
    for line in c.configuration.accounts?.document.lines ?? [] {
      let entry = line.contentText.split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
      if let sender = SenderAddress(entry.trimmingWhitespace()) { hosted.insert(sender.domain.lowercased()) }
    }
    for (index, kind) in kinds.enumerated() {
      // A key without '@' is no address of a hosted domain: DMS adds nothing for it.
      guard case .alias(let key, let targets) = kind, key.contains("@") else { continue }
      let outside = targets.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).first { target in
        SenderAddress(String(target)).map { !hosted.contains($0.domain.lowercased()) } ?? false
      }
      guard let outside else { continue }
      let example = "someone@forwarded.invalid"
      let route = c.router.route(example)
      let rewrite =
        srs.isActive && !srs.neverStarts
        ? ", which postsrsd rewrites to SRS0=…@\(srs.domain.text) (ENABLE_SRS=1)" : " (no SRS rewrites it)"
      out.append(
        Diagnostic(
          .forwardedMailSender, at: c.location(VirtualFile.fileName, index),
          "'\(key)' forwards to '\(outside)': the forwarded copy keeps the envelope sender of whoever wrote to '\(key)'\(rewrite), so it goes like mail from a sender no file knows — \(route.summary); Sieve redirects keep the sender the same way, and vacation replies use the null sender <>",
          fix: srs.isActive
            ? "give '@\(srs.domain.text)' a relay entry if forwarded mail must use a relay"
            : "set DEFAULT_RELAY_HOST if forwarded mail must use a relay"))
      return
    }
  }
}
