/// The last live check of one route, kept for the rows' markers and the detail pane.
public struct CheckRecord: Hashable, Sendable {
  /// The sender as the preview lists it (`@example.test`), which rows are keyed by.
  public var routeSender: String
  /// The route's next hop as written (`[smtp.example.com]:587`), for the Relays screen.
  public var nexthop: String?
  public var result: CheckResult
  /// The local time the check ended, `HH:MM:SS` (the runner reads the clock).
  public var time: String

  public init(routeSender: String, nexthop: String?, result: CheckResult, time: String) {
    self.routeSender = routeSender
    self.nexthop = nexthop
    self.result = result
    self.time = time
  }
}
