/// Messages of one sender domain that took the same route with the same result.
public struct ObservedRoute: Hashable, Sendable {
  /// `via host:port`, `direct`, `local` (a mailbox here) or `none` (no server reached).
  public var route: String
  public var status: DeliveryStatus
  public var count: Int
  public var first: LogTime?
  public var last: LogTime?
  /// For failures: the reason in plain words with the fix.
  public var reason: String?
  public var reasonCode: FailureReason?
  /// How many of `count` contradict their sender's predicted route.
  public var disagreeing: Int
}

extension LogTime {
  static let zero = LogTime(month: 0, day: 0, hour: 0, minute: 0, second: 0)
}
