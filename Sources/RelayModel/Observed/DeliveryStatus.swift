/// What became of one message for one recipient, as the log says.
public enum DeliveryStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case sent, deferred, bounced, expired
  /// Activated by the queue manager with no delivery logged yet: in flight when the log
  /// ends. (When an smtp process died after it was activated, it is `deferred` instead:
  /// Postfix keeps such mail queued without a `status=` line.)
  case queued

  var isFailure: Bool { self != .sent }
}
