/// A next hop after the first in a relay value: Postfix tries it only when every hop
/// before it fails to take the mail (spec §5).
///
/// `[a]:587, [b]:587` falls through to `[b]:587` when `[a]:587` refuses the connection or
/// times out. A word Postfix cannot parse (`#`, `[h]:port-name`) is harmless while a hop
/// before it answers, but when Postfix reaches it its smtp client dies and the message
/// stays queued (seen with Postfix 3.7, spec §5).
public struct FallbackHop: Hashable, Sendable {
  /// The word exactly as written in the relay value.
  public var written: String
  /// `host:port` as Postfix logs it, or nil when it cannot parse the word.
  public var relay: String?
  /// Why Postfix cannot use the word (its smtp client dies on it), or nil.
  public var problem: String?
  /// The SASL user Postfix offers when it reaches this hop: the sender's own credentials when
  /// a sender key decided them, else the entry keyed to this hop (its host, else as written),
  /// since Postfix looks up the destination it is trying (spec §5); nil for no AUTH.
  public internal(set) var authUser: String? = nil
  /// The `sasl_passwd` entry keyed to this hop, looked up once per relay value.
  var hopCredentials: Int? = nil
  /// The `sasl_passwd` entry `authUser` comes from (so `unused-credentials` counts it used).
  var authEntry: Int? = nil

  /// Postfix can parse the word, so it can carry the mail when the hops before it fail.
  public var isUsable: Bool { problem == nil }

  /// The words after the first of `list`, each parsed as Postfix's smtp client would.
  static func fallbacks(
    of list: NextHopList, ports: [String: Int] = NextHop.knownTCPPorts, saslTable: TexthashTable? = nil
  ) -> [FallbackHop] {
    list.words.dropFirst().map { word in
      switch NextHop.parse(word, ports: ports) {
      case .success(let hop):
        return FallbackHop(
          written: word, relay: hop.relay, problem: nil,
          hopCredentials: saslTable?.position(of: hop.host) ?? saslTable?.position(of: hop.written))
      case .failure(.comment):
        return FallbackHop(written: word, relay: nil, problem: "a comment is not a host ('valid hostname or network address required')")
      case .failure(.invalid(_, let reason)): return FallbackHop(written: word, relay: nil, problem: reason)
      case .failure(.empty): return FallbackHop(written: word, relay: nil, problem: "empty next hop")
      }
    }
  }
}
