/// What the live check saw of the relay's certificate, for the `certificate` step and the
/// explanation of a certificate failure.
public struct CertificateSummary: Sendable, Hashable {
  /// DNS names the certificate is for: its subjectAltName entries, else its common name.
  public var names: [String]
  /// The host name it was checked against (the MX or relay host Postfix connected to).
  public var checkedName: String
  /// The chain verified against the system CA store (BoringSSL's verdict; dates included).
  public var chainTrusted: Bool
  public var nameMatches: Bool
  /// Seconds since 1970 of the leaf's notAfter.
  public var notAfter: Int
  /// The leaf's notAfter has passed.
  public var expired: Bool
  /// The leaf names itself as its issuer (a self-signed certificate).
  public var selfSigned: Bool

  public init(
    names: [String], checkedName: String, chainTrusted: Bool, nameMatches: Bool, notAfter: Int,
    expired: Bool, selfSigned: Bool
  ) {
    self.names = names
    self.checkedName = checkedName
    self.chainTrusted = chainTrusted
    self.nameMatches = nameMatches
    self.notAfter = notAfter
    self.expired = expired
    self.selfSigned = selfSigned
  }

  /// Verified as `verify`/`secure` require: a trusted chain, in date, for the host's name.
  public var verifies: Bool { chainTrusted && nameMatches && !expired }

  /// Whether `name` matches one of `names` as Postfix's `hostname` match does: exactly,
  /// ignoring case, or through a `*.` wildcard standing for one leftmost label.
  public static func matches(_ name: String, names: [String]) -> Bool {
    let name = name.lowercased()
    return names.contains { pattern in
      let pattern = pattern.lowercased()
      if pattern == name { return true }
      guard pattern.hasPrefix("*."), let dot = name.firstIndex(of: ".") else { return false }
      return name[dot...] == pattern.dropFirst() && name.startIndex != dot
    }
  }

  /// One line: "for mail.example.test, smtp.example.test; trusted; valid until 2027-01-31".
  public var text: String {
    var parts = ["for " + (names.isEmpty ? "no DNS name" : names.joined(separator: ", "))]
    parts.append(
      chainTrusted ? "chain trusted" : selfSigned ? "self-signed" : "not trusted by the system CA store")
    parts.append(nameMatches ? "matches '\(checkedName)'" : "does not match '\(checkedName)'")
    parts.append((expired ? "expired " : "valid until ") + Self.date(notAfter))
    return parts.joined(separator: "; ")
  }

  /// `YYYY-MM-DD` (UTC) for seconds since 1970, without Foundation.
  static func date(_ seconds: Int) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = seconds / 86_400 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }
}
