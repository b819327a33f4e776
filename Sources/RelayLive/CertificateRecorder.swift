import NIOCore
import NIOSSL
import RelayModel

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps what BoringSSL said about each certificate of the relay's chain during the
/// handshake, and lets the handshake go on either way: Postfix at `may` and `encrypt`
/// uses an unverified certificate, and at `verify`/`secure` the check fails the
/// `certificate` step itself after reading the certificate, so the explanation can name it.
///
/// Touched only on the channel's event loop (the verification callback runs there).
final class CertificateRecorder: @unchecked Sendable {
  private(set) var chainTrusted = true
  private(set) var leaf: NIOSSLCertificate?

  /// The old-style per-certificate callback, called root first, leaf last, with
  /// BoringSSL's own verdict against the system CA store (dates included).
  func record(_ result: NIOSSLVerificationResult, _ certificate: NIOSSLCertificate) -> NIOSSLVerificationResult {
    if result == .failed { chainTrusted = false }
    leaf = certificate
    return .certificateVerified
  }

  /// The summary of the leaf, judged for `hostname` (nil when no certificate was seen).
  func summary(checkedName hostname: String) -> CertificateSummary? {
    guard let leaf else { return nil }
    var names: [String] = []
    for name in leaf._subjectAlternativeNames() where name.nameType == .dnsName {
      names.append(String(decoding: name.contents, as: UTF8.self))
    }
    if names.isEmpty {
      names = leaf.subjectName.filter { $0.type == .commonName }.map(\.value)
    }
    let notAfter = Int(leaf.notValidAfter)
    return CertificateSummary(
      names: names, checkedName: hostname, chainTrusted: chainTrusted,
      nameMatches: CertificateSummary.matches(hostname, names: names), notAfter: notAfter,
      expired: notAfter < Int(time(nil)), selfSigned: leaf.subjectName == leaf.issuerName)
  }

  /// A client context that verifies the chain against the system CA store (the name is
  /// checked by `CertificateSummary`, as Postfix's level decides whether it matters).
  static func makeContext() throws -> NIOSSLContext {
    var configuration = TLSConfiguration.makeClientConfiguration()
    configuration.trustRoots = .default
    configuration.certificateVerification = .noHostnameVerification
    return try NIOSSLContext(configuration: configuration)
  }

  /// A TLS handler for `hostname` (SNI only for names, never addresses) that records the
  /// chain's verdict here. It uses NIOSSL's old-style (deprecated) per-certificate callback:
  /// the only one that hands over BoringSSL's own verdict and lets the handshake go on.
  func makeHandler(context: NIOSSLContext, hostname: String) throws -> NIOSSLClientHandler {
    let sni = NameResolution.isAddressLiteral(hostname) ? nil : hostname
    return try NIOSSLClientHandler(context: context, serverHostname: sni) { [self] result, certificate in
      self.record(result, certificate)
    }
  }
}
