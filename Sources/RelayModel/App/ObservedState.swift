/// The Observed screen's log: read once when the screen is first opened, followed live on
/// `f` until `f` again or leaving the screen.
public struct ObservedState: Hashable, Sendable {
  public var log: ObservedLog?
  public var problem: MailLogProblem?
  /// A read (`AppEffect.readMailLog` or `.followMailLog`) is under way and nothing came yet.
  public var isReading = false
  public var isFollowing = false

  public init() {}

  /// The rows of screen 6.
  public var summaries: [SenderDomainSummary] { log?.summaries ?? [] }

  /// True once a read was asked for (it is not repeated on every visit).
  var wasRequested: Bool { log != nil || problem != nil || isReading }
}
