/// The live checks the reducer asks the runner to hold (`AppEffect.check`): the targets
/// `RoutingPreview.checkTargets` chose, under a run number so that progress from a
/// cancelled run is told apart from a newer one's.
///
/// The plans carry the credentials the route predicts (the check must send them); they are
/// never drawn: the screens show only `CheckResult`s, whose replies are redacted by the client.
public struct CheckRequest: Hashable, Sendable {
  public var run: Int
  public var targets: [CheckTarget]

  public init(run: Int, targets: [CheckTarget]) {
    self.run = run
    self.targets = targets
  }
}
