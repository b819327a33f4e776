@testable import RelayModel

/// The demo's mail log joined as the runner joins it, compared with the demo's saved files.
enum ObservedFixture {
  static func demoLog(source: String = "/demo/docker-data/dms/mail-logs/mail.log") -> ObservedLog {
    let loaded = AppFixture.demo()
    let configuration = loaded.configuration
    let generated = Generator.generate(configuration, family: loaded.version!.family)
    let comparison = ObservedComparison(
      router: Router(state: generated, environment: configuration.environment), environment: configuration.environment)
    var joiner = MailLogJoiner(comparison: comparison)
    var messages: [String: [ObservedMessage]] = [:]
    func keep(_ event: DeliveryEvent) {
      let message = ObservedMessage(event)
      if let domain = ObservedLog.domain(ofSender: message.sender) { messages[domain, default: []].append(message) }
    }
    Array(DemoMailLog.content.utf8).withUnsafeBytes { joiner.consume($0, keep) }
    joiner.finish(keep)
    return ObservedLog(
      source: source, summaries: joiner.summaries(), messages: messages, messageCount: joiner.messageCount,
      unreadLines: joiner.unreadLines)
  }
}
