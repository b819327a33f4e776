import RelayModel

/// A `MailLogJoiner` plus each sender domain's latest messages, turned into `ObservedLog`
/// snapshots for the UI. Used by one reader thread only.
final class MailLogCollector {
  private var joiner: MailLogJoiner
  private var messages: [String: [ObservedMessage]] = [:]
  let source: String
  /// Lines were read since the last snapshot.
  private(set) var isDirty = false

  init(comparison: ObservedComparison?, source: String) {
    joiner = MailLogJoiner(comparison: comparison)
    self.source = source
  }

  func consume(_ chunk: UnsafeRawBufferPointer) {
    joiner.consume(chunk) { Self.keep(ObservedMessage($0), in: &messages) }
    isDirty = true
  }

  func dropPartialLine() { joiner.dropPartialLine() }

  /// The log so far, messages still in the queue included (as `queued` or `deferred`),
  /// without ending the join: a follower goes on reading.
  func snapshot() -> ObservedLog {
    var copy = joiner
    return finish(&copy)
  }

  /// The log read to its end.
  func finished() -> ObservedLog { finish(&joiner) }

  private func finish(_ joiner: inout MailLogJoiner) -> ObservedLog {
    var kept = messages
    joiner.finish { Self.keep(ObservedMessage($0), in: &kept) }
    isDirty = false
    return ObservedLog(
      source: source, summaries: joiner.summaries(), messages: kept, messageCount: joiner.messageCount,
      unreadLines: joiner.unreadLines)
  }

  /// Keeps the latest `ObservedLog.messagesKept` messages per sender domain.
  static func keep(_ message: ObservedMessage, in messages: inout [String: [ObservedMessage]]) {
    guard let domain = ObservedLog.domain(ofSender: message.sender) else { return }
    messages[domain, default: []].append(message)
    if messages[domain]!.count > ObservedLog.messagesKept { messages[domain]!.removeFirst() }
  }
}
