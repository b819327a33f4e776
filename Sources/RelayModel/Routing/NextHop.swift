/// One Postfix next-hop destination: `[host]:port`, `[host]`, `host:port` or `host`.
///
/// Brackets mean "connect to this host, no MX lookup"; no port means the `smtp` port (25).
public struct NextHop: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Exactly as written in the table or `main.cf`.
  public var written: String
  public var host: String
  public var port: Int
  public var skipsMXLookup: Bool

  public var description: String { written }

  /// `host:port` as Postfix logs the relay (no brackets).
  public var relay: String { "\(host):\(port)" }

  public enum ParseError: Error, Equatable, Sendable {
    case empty
    case comment(String)
    case invalid(String, reason: String)
  }

  /// Parses one destination the way Postfix's smtp client does.
  public static func parse(_ text: String, ports: [String: Int] = knownTCPPorts) -> Result<NextHop, ParseError> {
    guard !text.isEmpty else { return .failure(.empty) }
    if text.hasPrefix("#") { return .failure(.comment(text)) }
    var host: Substring
    var portText: Substring?
    var bracketed = false
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        return .failure(.invalid(text, reason: "'[' without ']'"))
      }
      host = text[text.index(after: text.startIndex)..<close]
      bracketed = true
      let after = text[text.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else {
          return .failure(.invalid(text, reason: "unexpected '\(after)' after ']'"))
        }
        portText = after.dropFirst()
      }
    } else if let colon = text.lastIndex(of: ":") {
      host = text[..<colon]
      portText = text[text.index(after: colon)...]
    } else {
      host = Substring(text)
    }
    var port = 25
    if let portText {
      guard let value = servicePort(portText, ports: ports) else {
        return .failure(.invalid(text, reason: "'\(portText)' is not a port number or a service in known_tcp_ports"))
      }
      port = value
    }
    let hostText = String(host)
    if let reason = hostProblem(hostText, bracketed: bracketed) {
      return .failure(.invalid(text, reason: reason))
    }
    return .success(NextHop(written: text, host: hostText, port: port, skipsMXLookup: bracketed))
  }

  /// Postfix's default `known_tcp_ports` (3.6+; DMS never changes it): service names the smtp
  /// client resolves without the services(5) database (spec §5).
  public static let knownTCPPorts: [String: Int] = [
    "lmtp": 24, "smtp": 25, "smtps": 465, "submissions": 465, "submission": 587,
  ]

  /// The port a next hop's port text names: a number in 1–65535, or a `known_tcp_ports`
  /// name (`[h]:submission` is 587). Other names would go to the container's
  /// `/etc/services`, which the tool cannot see, so they count as unparseable.
  /// `ports`: the `known_tcp_ports` in force (spec §8: `postfix-main.cf` may change it).
  static func servicePort(_ text: Substring, ports: [String: Int] = knownTCPPorts) -> Int? {
    if let value = Int(text), text.first?.isNumber == true { return (1...65535).contains(value) ? value : nil }
    return ports[String(text)]
  }

  /// Why Postfix could not use `host` as a host name or address, or nil when it can.
  static func hostProblem(_ host: String, bracketed: Bool) -> String? {
    let bytes = host.utf8
    if bytes.isEmpty { return "empty host name" }
    if bracketed, host.lowercased().hasPrefix("ipv6:") { return nil }
    var previous: UInt8 = 0
    for (i, b) in bytes.enumerated() {
      let ok = Bytes.isWord(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
      if !ok { return "'\(host)' is not a valid host name" }
      if b == UInt8(ascii: "."), i == 0 || previous == UInt8(ascii: ".") {
        return "'\(host)' is not a valid host name"
      }
      previous = b
    }
    return nil
  }
}

/// A relay map value as Postfix reads it: a list of next hops separated by whitespace or
/// commas, tried in order (spec §4: `[h]:587 # note` still works while `[h]:587` answers).
public struct NextHopList: Hashable, Sendable {
  public var words: [String]

  public init(_ value: String) {
    words = value.utf8.split(whereSeparator: { $0 == UInt8(ascii: ",") || Bytes.isSpace($0) })
      .map { String(decoding: $0, as: UTF8.self) }
  }

  /// The first destination, which is the one that carries the mail while it answers.
  public var first: Result<NextHop, NextHop.ParseError> { first(ports: NextHop.knownTCPPorts) }

  /// `first`, with the port names of `known_tcp_ports` as configured.
  public func first(ports: [String: Int]) -> Result<NextHop, NextHop.ParseError> {
    guard let word = words.first else { return .failure(.empty) }
    return NextHop.parse(word, ports: ports)
  }
}
