import CResolv
import NIOCore
import NIOPosix
import RelayModel

#if canImport(Glibc)
  import Glibc
#endif

/// Resolves a next hop the way Postfix's smtp client does with its default
/// `smtp_host_lookup = dns`: MX records for an unbracketed host (then the exchangers'
/// A/AAAA records, lowest preference first), A/AAAA records for `[host]`, and no lookup
/// for an address literal (`[192.0.2.1]`, `[ipv6:2001:db8::1]`).
public struct NameResolution: Sendable {
  /// One address to connect to and the host name it was found for (what a certificate is
  /// checked against).
  public struct Address: Sendable, Hashable {
    public var ip: String
    public var hostname: String
  }

  public enum Failure: Error, Sendable, Hashable {
    case notFound(String)
    case temporary(String)
  }

  /// The DNS server to ask instead of /etc/resolv.conf's (IPv4 address and port), for tests.
  public var server: (address: String, port: Int)?
  public var timeoutSeconds: Int

  public init(server: (address: String, port: Int)? = nil, timeoutSeconds: Int = 5) {
    self.server = server
    self.timeoutSeconds = timeoutSeconds
  }

  /// `DMS_RELAY_TEST_DNS=127.0.0.1:5353`: for tests only, every lookup of `check` goes to
  /// that loopback DNS server instead of the system's.
  public static func testServer(fromEnvironment value: String?) -> (address: String, port: Int)? {
    guard let value, !value.isEmpty else { return nil }
    let parts = value.split(separator: ":")
    guard let address = parts.first else { return nil }
    let port = parts.count > 1 ? Int(parts[1]) ?? 53 : 53
    return (String(address), port)
  }

  /// Whether `host` is an IPv4 or IPv6 address rather than a name.
  public static func isAddressLiteral(_ host: String) -> Bool {
    var v4 = in_addr()
    var v6 = in6_addr()
    return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
  }

  /// The addresses for `hop`, in the order Postfix tries them.
  public func addresses(for hop: NextHop) throws -> [Address] {
    var host = hop.host
    if hop.skipsMXLookup, host.lowercased().hasPrefix("ipv6:") { host = String(host.dropFirst(5)) }
    if Self.isAddressLiteral(host) { return [Address(ip: host, hostname: host)] }
    if !hop.skipsMXLookup {
      let exchangers = try lookup(host, type: Int32(DR_DNS_MX))
      if !exchangers.isEmpty {
        var all: [Address] = []
        var lastFailure: Failure?
        for exchanger in exchangers.sorted(by: { $0.preference < $1.preference }) {
          do {
            all += try hostAddresses(exchanger.text)
          } catch let failure as Failure {
            lastFailure = failure
          }
        }
        if all.isEmpty, let lastFailure { throw lastFailure }
        return all
      }
    }
    return try hostAddresses(host)
  }

  private func hostAddresses(_ host: String) throws -> [Address] {
    let v4 = try lookup(host, type: Int32(DR_DNS_A))
    let v6 = (try? lookup(host, type: Int32(DR_DNS_AAAA))) ?? []
    let all = (v4 + v6).map { Address(ip: $0.text, hostname: host) }
    guard !all.isEmpty else { throw Failure.notFound("'\(host)' has no A or AAAA record") }
    return all
  }

  private func lookup(_ name: String, type: Int32) throws -> [(preference: Int, text: String)] {
    let capacity = 32
    var records = [dr_dns_record](repeating: dr_dns_record(), count: capacity)
    let count = records.withUnsafeMutableBufferPointer { buffer in
      dr_dns_lookup(
        name, type, buffer.baseAddress, Int32(capacity), server?.address, Int32(server?.port ?? 53),
        Int32(timeoutSeconds))
    }
    let kind = type == Int32(DR_DNS_MX) ? "MX" : type == Int32(DR_DNS_A) ? "A" : "AAAA"
    switch Int(count) {
    case DR_DNS_NXDOMAIN: throw Failure.notFound("'\(name)': no such domain (NXDOMAIN)")
    case DR_DNS_TRYAGAIN: throw Failure.temporary("no answer to the \(kind) query for '\(name)'")
    case DR_DNS_BADANSWER: throw Failure.temporary("a malformed answer to the \(kind) query for '\(name)'")
    case DR_DNS_NOINIT: throw Failure.temporary("the resolver could not start")
    default: break
    }
    return records.prefix(Int(count)).map { record in
      var record = record
      let text = withUnsafeBytes(of: &record.text) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      return (Int(record.preference), text)
    }
  }
}
