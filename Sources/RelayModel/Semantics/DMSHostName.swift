/// The host and domain name DMS's start script settles on (`helpers/dns.sh`, every version
/// from v11 to master), which it hands to Postfix as `myhostname` and `mydomain` and to
/// postsrsd as the default `SRS_DOMAINNAME` (spec §8, §9).
///
/// The host name is `OVERRIDE_HOSTNAME`, else `hostname -f`: the compose service's
/// `hostname:` plus its `domainname:`. When it has more than two labels, `DOMAINNAME` is
/// the host name minus its first label, whatever the environment says; otherwise the
/// environment's `DOMAINNAME`, else the host name itself.
public struct DMSHostName: Hashable, Sendable {
  /// The host name, as written; nil when the configuration does not say (no
  /// `OVERRIDE_HOSTNAME`, no compose `hostname:`).
  public var hostname: String?
  /// Where the host name comes from, in the admin's terms.
  public var hostnameSource: String
  /// The environment's `DOMAINNAME` (empty when unset).
  public var environmentDomainName: String

  public init(environment env: RelayEnvironment) {
    environmentDomainName = env["DOMAINNAME"]
    if !env["OVERRIDE_HOSTNAME"].isEmpty {
      hostname = env["OVERRIDE_HOSTNAME"]
      hostnameSource = "OVERRIDE_HOSTNAME"
    } else if let host = env.containerHostname, !host.isEmpty {
      let domain = env.containerDomainName.map { $0.isEmpty ? "" : ".\($0)" } ?? ""
      hostname = host + domain
      hostnameSource = "the container's host name"
    } else {
      hostname = nil
      hostnameSource = ""
    }
  }

  /// The host name minus its first label when it has more than two (`awk -F. '{ print NF }'`
  /// counts fields, empty ones included); nil otherwise.
  public var derivedDomainName: String? {
    guard let hostname, hostname.split(separator: ".", omittingEmptySubsequences: false).count > 2,
      let dot = hostname.firstIndex(of: ".")
    else { return nil }
    return String(hostname[hostname.index(after: dot)...])
  }

  /// `DOMAINNAME` as DMS ends up with it; nil when the host name is unknown (with more than
  /// two labels it would replace the environment's value, so that cannot be relied on).
  public var domainName: String? {
    guard let hostname else { return nil }
    return derivedDomainName ?? (environmentDomainName.isEmpty ? hostname : environmentDomainName)
  }
}
