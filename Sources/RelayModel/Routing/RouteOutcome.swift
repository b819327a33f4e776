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
  /// Postfix's smtp client dies before it delivers anything (an unusable first next hop,
  /// `smtp_sasl_auth_enable = yes` without a password table): the message stays queued, no
  /// status line is logged, and the master throttles the transport, so other mail through
  /// it waits too. Unlike `deferred`, retrying does not help until the configuration is
  /// fixed (spec §5).
  case error
}
