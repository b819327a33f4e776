@testable import RelayModel

/// Runs a whole log through a joiner in one chunk (or in pieces of `chunk` bytes).
func join(
  _ log: String, comparison: ObservedComparison? = nil, since: LogTimeFilter? = nil, senderDomain: String? = nil,
  chunk: Int? = nil
) -> (messages: [ObservedMessage], joiner: MailLogJoiner) {
  join(bytes: Array(log.utf8), comparison: comparison, since: since, senderDomain: senderDomain, chunk: chunk)
}

func join(
  bytes: [UInt8], comparison: ObservedComparison? = nil, since: LogTimeFilter? = nil, senderDomain: String? = nil,
  chunk: Int? = nil
) -> (messages: [ObservedMessage], joiner: MailLogJoiner) {
  var joiner = MailLogJoiner(comparison: comparison, since: since, senderDomain: senderDomain)
  var messages: [ObservedMessage] = []
  bytes.withUnsafeBytes { all in
    let size = chunk ?? max(1, all.count)
    var start = 0
    while start < all.count {
      let end = min(all.count, start + size)
      joiner.consume(UnsafeRawBufferPointer(rebasing: all[start..<end])) { messages.append(ObservedMessage($0)) }
      start = end
    }
  }
  joiner.finish { messages.append(ObservedMessage($0)) }
  return (messages, joiner)
}

/// The comparison for an inline configuration on a DMS version.
func comparison(_ config: Configuration, _ version: String) throws -> ObservedComparison {
  let family = try DMSVersion.parse(version).family
  let router = Router(state: Generator.generate(config, family: family), environment: config.environment)
  return ObservedComparison(router: router, environment: config.environment)
}

/// The relay-requires-auth case of the real-Postfix suite, inline.
let relayRequiresAuth = configuration(
  relayMap: "@strict.test [smtp.strict.test]:587\n@authed.test [smtp.strict.test]:587\n",
  sasl: "@authed.test authed-user:authed-pass\n",
  accounts: "user@authed.test|{SHA512-CRYPT}$6$x$y$\nuser@open.test|{SHA512-CRYPT}$6$x$y$\nuser@strict.test|{SHA512-CRYPT}$6$x$y$\n",
  env: ["RELAY_HOST": "smtp.default.test", "RELAY_USER": "default-user", "RELAY_PASSWORD": "default-pass"])

extension ObservedMessage {
  /// sender, relay, status: what the real-Postfix suite checks.
  var triple: String { "\(sender ?? "?") \(relay ?? "-") \(status.rawValue)" }
}
