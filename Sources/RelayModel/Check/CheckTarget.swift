/// One sender to check: a plan, or the reason there is nothing to check (direct delivery,
/// a relay value Postfix cannot parse, a route that never leaves).
public struct CheckTarget: Sendable, Hashable {
  public var sender: String
  public var route: Route
  public var plan: CheckPlan?
  /// Why no check runs, when `plan` is nil; also the `explanation` of a skipped result.
  public var skipReason: String?

  public init(sender: String, route: Route, plan: CheckPlan?, skipReason: String?) {
    self.sender = sender
    self.route = route
    self.plan = plan
    self.skipReason = skipReason
  }

  /// The result reported without a live check (`skipped`, or `failed` when the route
  /// itself already says the mail cannot leave).
  public var resultWithoutCheck: CheckResult? {
    guard plan == nil else { return nil }
    let fails = route.outcome.fails
    return CheckResult(
      sender: sender, relay: route.relay, verdict: fails ? .failed : .skipped,
      failedStep: fails ? .plan : nil, steps: [], explanation: skipReason ?? route.summary)
  }
}
