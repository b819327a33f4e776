/// A live check under way (`AppDestination.checking`): one line per sender, fed by the
/// runner's progress actions, drawn as a box that Esc cancels.
public struct CheckSession: Hashable, Sendable {
  /// One sender's check.
  public struct Line: Hashable, Sendable {
    public enum Progress: Hashable, Sendable {
      case waiting
      /// The step under way.
      case running(CheckStepName)
      case finished(CheckResult)
    }

    /// The address checked (`MAIL FROM`).
    public var sender: String
    /// The sender as the preview lists it (`@example.test`), which the record is kept under.
    public var routeSender: String
    public var nexthop: String?
    /// `host:port`, or `-` when the route has no relay.
    public var relay: String
    public var progress: Progress
  }

  public var run: Int
  public var lines: [Line]

  public init(_ request: CheckRequest) {
    run = request.run
    lines = request.targets.map {
      Line(
        sender: $0.sender, routeSender: $0.plan?.routeSender ?? $0.sender, nexthop: $0.route.nexthop,
        relay: $0.plan?.relay ?? $0.route.relay ?? "-", progress: .waiting)
    }
  }

  public var isFinished: Bool {
    lines.allSatisfy {
      if case .finished = $0.progress { return true }
      return false
    }
  }

  public var results: [CheckResult] {
    lines.compactMap {
      if case .finished(let result) = $0.progress { return result }
      return nil
    }
  }
}
