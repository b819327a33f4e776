/// The domain postsrsd rewrites senders to, as DMS decides it (spec §9).
///
/// DMS sets `SRS_DOMAINNAME` to `DOMAINNAME` when it is empty, and `DOMAINNAME` itself comes
/// from `helpers/dns.sh`: when the host name (`OVERRIDE_HOSTNAME`, else `hostname -f`) has
/// more than two labels, `DOMAINNAME` is that name minus its first label, whatever the
/// environment says; otherwise the environment's `DOMAINNAME`, else the host name. Every
/// version from v11 to master does the same.
public struct SRSDomain: Hashable, Sendable {
  /// The domain, lowercased; nil when nothing in the configuration says which it is.
  public var name: String?
  /// How DMS arrives at it, in the admin's terms (`SRS_DOMAINNAME`, `DOMAINNAME`, …).
  public var explanation: String
  /// The name was taken on an assumption the configuration cannot confirm (the container's
  /// host name is unknown).
  public var isAssumed: Bool

  public init(environment env: RelayEnvironment) {
    isAssumed = false
    let explicit = env["SRS_DOMAINNAME"]
    if !explicit.isEmpty {
      name = explicit.lowercased()
      explanation = "SRS_DOMAINNAME='\(explicit)'"
      return
    }
    let host = DMSHostName(environment: env)
    let hostnameSource = host.hostnameSource
    let domainName = host.environmentDomainName
    if let hostname = host.hostname {
      if let derived = host.derivedDomainName {
        name = derived.lowercased()
        explanation =
          "DOMAINNAME='\(derived)', which DMS derives from \(hostnameSource) '\(hostname)' (more than two labels: the first is dropped\(domainName.isEmpty ? "" : ", and DOMAINNAME='\(domainName)' from the environment is ignored")), as SRS_DOMAINNAME is empty"
        return
      }
      name = (domainName.isEmpty ? hostname : domainName).lowercased()
      explanation =
        domainName.isEmpty
        ? "DOMAINNAME='\(hostname)' (\(hostnameSource), at most two labels), as SRS_DOMAINNAME is empty"
        : "DOMAINNAME='\(domainName)', as SRS_DOMAINNAME is empty and \(hostnameSource) '\(hostname)' has at most two labels"
      return
    }
    if !domainName.isEmpty {
      name = domainName.lowercased()
      isAssumed = true
      explanation =
        "DOMAINNAME='\(domainName)', as SRS_DOMAINNAME is empty, assuming the container's host name has at most two labels (with more, e.g. 'mail.\(domainName)', DMS uses the host name minus its first label)"
      return
    }
    name = nil
    explanation =
      "the container's domain (SRS_DOMAINNAME and DOMAINNAME are empty and the host name is unknown here)"
  }

  /// The domain, or `SRS_DOMAINNAME` as a placeholder where it is unknown.
  public var text: String { name ?? "SRS_DOMAINNAME" }
}
