/// What Postfix does with a message from one sender to a remote recipient.
public enum RouteOutcome: String, Sendable, Codable, CaseIterable {
  /// Handed to a relay host.
  case relayed
  /// Delivered straight to the recipient domain's MX hosts.
  case direct
  /// Kept in the queue and retried (and eventually bounced) — nothing leaves.
  case deferred
  /// Returned to the sender at once.
  case bounced
}
