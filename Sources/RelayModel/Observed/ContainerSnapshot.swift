/// What a running mailserver container really has in force, read with `docker exec`
/// (or any other runtime's exec): the live tables, `postconf -n`, the image's version.
public struct ContainerSnapshot: Sendable, Hashable {
  /// `/etc/postfix/relayhost_map` as it is in the container; nil when there is none.
  public var relayhostMap: [UInt8]?
  /// `/etc/postfix/sasl_passwd`: compared, never shown.
  public var saslPasswd: [UInt8]?
  /// `postconf -n`'s output: `key = value` lines.
  public var postconf: [UInt8]
  /// `DMS_RELEASE` of the image, when it tells.
  public var version: String?

  public init(relayhostMap: [UInt8]?, saslPasswd: [UInt8]?, postconf: [UInt8], version: String?) {
    self.relayhostMap = relayhostMap
    self.saslPasswd = saslPasswd
    self.postconf = postconf
    self.version = version
  }

  /// `postconf -n` as key → value.
  public var settings: [String: String] {
    var result: [String: String] = [:]
    for line in postconf.split(separator: 0x0A) {
      let text = String(decoding: line, as: UTF8.self)
      guard let eq = text.range(of: " = ") ?? text.range(of: " =") else { continue }
      let key = text[..<eq.lowerBound].trimmingSpaces
      result[key] = String(text[eq.upperBound...]).trimmingSpaces
    }
    return result
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
  }
}
