/// What one sender domain's mail really did, next to what the files predict: one row of
/// `dms-relay log` and of the Observed screen.
public struct SenderDomainSummary: Hashable, Sendable {
  public var domain: String
  /// Grouped by route, status and failure reason; most messages first.
  public var observed: [ObservedRoute]
  /// The route of `@domain` under the configured version (nil without a configuration).
  public var predicted: Route?
  /// Nil when nothing comparable was observed (no configuration, or only local delivery).
  public var agrees: Bool?
  /// Why the observation contradicts the prediction, in plain words.
  public var explanation: String?
  /// Messages per hour of the day (0–23), for a small bar.
  public var perHour: [Int]

  public var messageCount: Int { observed.reduce(0) { $0 + $1.count } }

  /// The most recent failure, in plain words.
  public var lastFailure: ObservedRoute? {
    observed.filter { $0.status.isFailure && $0.reason != nil }.max { ($0.last ?? .zero) < ($1.last ?? .zero) }
  }
}

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
