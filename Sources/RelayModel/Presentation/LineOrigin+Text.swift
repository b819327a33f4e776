/// How a generated table line's origin reads: one home for the wording the CLI, the JSON,
/// the diagnostics and the screens use.
extension LineOrigin {
  /// The origin as a label of its own: `postfix-relaymap.cf:3`,
  /// `generated from RELAY_HOST for a.test`, `env RELAY_HOST+RELAY_USER+RELAY_PASSWORD`
  /// (the `source` and `auth_source` of the route JSON; `route`'s text).
  public var reference: String {
    switch self {
    case .file(let name, let line): return "\(name):\(line)"
    case .generatedForDomain(let domain): return "generated from RELAY_HOST for \(domain)"
    case .environment(let keys): return "env " + keys.joined(separator: "+")
    }
  }

  /// The origin inside a sentence: `postfix-relaymap.cf:3`, `the RELAY_HOST entry DMS
  /// generates for 'a.test'`, `RELAY_HOST+RELAY_USER+RELAY_PASSWORD` (diagnostic messages).
  public var phrase: String {
    switch self {
    case .file: return reference
    case .generatedForDomain(let domain): return "the RELAY_HOST entry DMS generates for '\(domain)'"
    case .environment(let keys): return keys.joined(separator: "+")
    }
  }

  /// `reference`'s bytes as JSON string content, written without building the String
  /// (the route JSON writes two origins per route, 100,000 routes).
  func writeReference(into out: inout ByteWriter) {
    switch self {
    case .file(let name, let line):
      out.append(jsonStringContent: name)
      out.append(UInt8(ascii: ":"))
      out.append(decimal: line)
    case .generatedForDomain(let domain):
      out.append("generated from RELAY_HOST for ")
      out.append(jsonStringContent: domain)
    case .environment:
      out.append(jsonStringContent: reference)
    }
  }
}
