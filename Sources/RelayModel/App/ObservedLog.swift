/// What the mail log says, as the Observed screen shows it: `MailLogJoiner`'s per-domain
/// summaries (compared with the saved files' routes) and each domain's latest messages.
///
/// Built by the runner from the log and sent whole with `AppAction.mailLogRead`, again
/// after each poll while following, so the state only ever holds finished values.
public struct ObservedLog: Hashable, Sendable {
  /// The file(s) read, for the screen's title.
  public var source: String
  /// One per sender domain, alphabetically.
  public var summaries: [SenderDomainSummary]
  /// The latest messages of each sender domain (lowercased), oldest first, at most
  /// `messagesKept` each: memory stays bounded by the domains, not by the log.
  public var messages: [String: [ObservedMessage]]
  public var messageCount: Int
  public var unreadLines: Int
  /// Summary index by lowercased domain.
  let indexByDomain: [String: Int]

  /// Messages kept per domain for Enter's list.
  public static let messagesKept = 200

  public init(
    source: String, summaries: [SenderDomainSummary], messages: [String: [ObservedMessage]], messageCount: Int,
    unreadLines: Int
  ) {
    self.source = source
    self.summaries = summaries
    self.messages = messages
    self.messageCount = messageCount
    self.unreadLines = unreadLines
    var index: [String: Int] = [:]
    for (position, summary) in summaries.enumerated() { index[summary.domain.lowercased()] = position }
    indexByDomain = index
  }

  /// The summary of a sender domain (any case).
  public func summary(forDomain domain: String) -> SenderDomainSummary? {
    indexByDomain[domain.lowercased()].map { summaries[$0] }
  }

  /// The messages of a sender domain, oldest first.
  public func messages(forDomain domain: String) -> [ObservedMessage] { messages[domain.lowercased()] ?? [] }

  /// The sender domain of a message (`<>` has none).
  public static func domain(ofSender sender: String?) -> String? {
    guard let sender, let at = sender.lastIndex(of: "@") else { return nil }
    let domain = sender[sender.index(after: at)...]
    return domain.isEmpty ? nil : domain.lowercased()
  }
}
