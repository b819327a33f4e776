/// What DMS's `ENABLE_SRS=1` does to envelope senders, with postsrsd 1.10's rules (spec §9).
///
/// DMS points `sender_canonical_maps` at postsrsd (`tcp:localhost:10001`), so Postfix's
/// cleanup rewrites the envelope sender before the message is queued; the relay lookup
/// (`sender_dependent_relayhost_maps`, `smtp_sasl_password_maps`) then sees the rewritten
/// address. postsrsd rewrites every sender except those at `SRS_DOMAINNAME` and at the
/// excluded domains (both compared without regard to case), addresses without `@`, and SRS
/// addresses it signed itself.
public struct SRSRewrite: Hashable, Sendable {
  /// `ENABLE_SRS=1`.
  public var isEnabled: Bool
  /// `SRS_SENDER_CLASSES` (default `envelope_sender`) names `envelope_sender`: otherwise only
  /// headers are rewritten and routing is untouched.
  public var rewritesEnvelopeSender: Bool
  public var senderClasses: String
  public var domain: SRSDomain
  /// `SRS_EXCLUDE_DOMAINS` as written.
  public var excludeValue: String
  /// The excluded domains as postsrsd splits them (at `,`, `;` and blanks), lowercased. One
  /// starting with `.` matches subdomains only.
  public var excludedDomains: [String]

  public init(environment env: RelayEnvironment) {
    isEnabled = env["ENABLE_SRS"] == "1"
    senderClasses = env["SRS_SENDER_CLASSES"].isEmpty ? "envelope_sender" : env["SRS_SENDER_CLASSES"]
    rewritesEnvelopeSender = senderClasses.split(whereSeparator: { $0 == "," || $0.isWhitespace })
      .contains { $0 == "envelope_sender" }
    domain = SRSDomain(environment: env)
    excludeValue = env["SRS_EXCLUDE_DOMAINS"]
    excludedDomains = Self.split(excludeValue)
  }

  /// postsrsd's `strtok(value, ",; \t\r\n")`.
  static func split(_ value: String) -> [String] {
    value.split(whereSeparator: { ",; \t\r\n".contains($0) }).map { $0.lowercased() }
  }

  /// `SRS_EXCLUDE_DOMAINS` or `SRS_DOMAINNAME` holds a blank: DMS's start command
  /// `env $(grep … /etc/default/postsrsd) postsrsd -e` splits the value into words, `env`
  /// runs the second word as a command, and postsrsd never starts (v11's init script, which
  /// sources the file under `set -e`, fails the same way).
  public var neverStarts: Bool {
    isEnabled && (Self.hasBlank(excludeValue) || Self.hasBlank(domain.name ?? ""))
  }

  static func hasBlank(_ value: String) -> Bool {
    value.contains { $0 == " " || $0 == "\t" }
  }

  /// The variable whose blank stops postsrsd, and its value.
  public var blankVariable: (name: String, value: String)? {
    guard isEnabled else { return nil }
    if Self.hasBlank(excludeValue) { return ("SRS_EXCLUDE_DOMAINS", excludeValue) }
    if let name = domain.name, Self.hasBlank(name) { return ("SRS_DOMAINNAME", name) }
    return nil
  }

  /// Senders are rewritten at all (SRS on, envelope sender among the classes).
  public var isActive: Bool { isEnabled && rewritesEnvelopeSender }

  /// The excluded entry that keeps `sender` as it is, if any: `a.test` matches
  /// `…@a.test`, `.a.test` matches `…@x.a.test` (never `…@a.test`), case-insensitively.
  public func exclusion(of sender: String) -> String? {
    let lower = sender.lowercased()
    return excludedDomains.first { entry in
      entry.hasPrefix(".") ? lower.count > entry.count && lower.hasSuffix(entry) : lower.hasSuffix("@" + entry)
    }
  }

  /// The address postsrsd answers for `sender`, or nil when the sender stays as it is.
  ///
  /// The hash (`HASH`) and the timestamp (`TT`) depend on the secret and the day: they are
  /// placeholders, which the relay lookup never reads (no table has a key for them; the
  /// lookup that matters is `@SRS_DOMAINNAME`).
  /// - The null sender stays: Postfix does ask for it (as `""`), and postsrsd answers
  ///   "No at sign" (seen with postsrsd 1.10 and Postfix 3.7).
  /// - A sender without `@` gets "No at sign in sender address" and stays.
  /// - A sender at `SRS_DOMAINNAME` (any case) comes back unchanged.
  /// - `SRS0=…@elsewhere` and `SRS1=…@elsewhere` become `SRS1=HASH=…@SRS_DOMAINNAME`.
  /// - Anything else becomes `SRS0=HASH=TT=domain=local@SRS_DOMAINNAME`.
  public func rewritten(_ sender: String) -> String? {
    guard isActive, !sender.isEmpty, exclusion(of: sender) == nil else { return nil }
    guard let at = sender.lastIndex(of: "@") else { return nil }
    let local = sender[..<at]
    let host = sender[sender.index(after: at)...]
    // (Unknown, the placeholder stands for the domain, so a rewritten sender stays too.)
    if host.lowercased() == domain.text.lowercased() { return nil }
    let alias = domain.text
    if let tag = Self.srsTag(local) {
      let rest = local.dropFirst(5)
      if tag == "1" {
        // SRS1<sep>hash=host=user: a new hash, the same host and user.
        guard let hostStart = rest.firstIndex(of: "=") else { return nil }
        let hostAndUser = rest[rest.index(after: hostStart)...]
        guard let userStart = hostAndUser.firstIndex(of: "=") else { return nil }
        let srsHost = hostAndUser[..<userStart]
        let srsUser = hostAndUser[hostAndUser.index(after: userStart)...]
        return "SRS1=HASH=\(srsHost)=\(srsUser)@\(alias)"
      }
      // SRS0<sep>…@host: the previous hop's host, then everything after "SRS0".
      return "SRS1=HASH=\(host)=\(local.dropFirst(4))@\(alias)"
    }
    return "SRS0=HASH=TT=\(host)=\(local)@\(alias)"
  }

  /// "0" or "1" when `local` starts with `SRS0`/`SRS1` (any case) and one of `=+-`.
  static func srsTag(_ local: Substring) -> Character? {
    let chars = Array(local.prefix(5))
    guard chars.count == 5, chars[0].lowercased() == "s", chars[1].lowercased() == "r",
      chars[2].lowercased() == "s", chars[3] == "0" || chars[3] == "1", "=+-".contains(chars[4])
    else { return nil }
    return chars[3]
  }
}
