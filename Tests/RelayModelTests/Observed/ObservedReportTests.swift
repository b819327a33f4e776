import Foundation
import Testing
@testable import RelayModel

@Suite("dms-relay log's JSON and text")
struct ObservedReportTests {
  func report(_ log: String, _ comparison: ObservedComparison?) -> (json: [UInt8], text: String) {
    var json: [UInt8] = []
    var writer = ObservedJSONWriter { json += $0 }
    var joiner = MailLogJoiner(comparison: comparison)
    Array(log.utf8).withUnsafeBytes { joiner.consume($0) { writer.message($0) } }
    joiner.finish { writer.message($0) }
    let summaries = joiner.summaries()
    writer.finish(senders: summaries, unreadLines: joiner.unreadLines)
    return (json, ObservedText.render(summaries, messages: joiner.messageCount, unreadLines: joiner.unreadLines))
  }

  @Test("the JSON has exactly the issue's keys and parses")
  func jsonSchema() throws {
    let (json, _) = report(RealPostfixLog.relayRequiresAuthV14, try comparison(relayRequiresAuth, "15.1.0"))
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    #expect(Set(root.keys) == ["messages", "senders", "unread_lines"])
    let messages = try #require(root["messages"] as? [[String: Any]])
    #expect(messages.count == 5)
    #expect(messages.allSatisfy { Set($0.keys) == ["queue_id", "time", "sender", "recipient", "relay", "status", "dsn", "reason"] })
    let senders = try #require(root["senders"] as? [[String: Any]])
    #expect(senders.allSatisfy { Set($0.keys) == ["domain", "observed", "predicted", "agrees", "explanation"] })
    let observed = senders.flatMap { $0["observed"] as? [[String: Any]] ?? [] }
    #expect(observed.allSatisfy { Set($0.keys) == ["route", "status", "count", "first", "last", "reason"] })
    #expect(root["unread_lines"] as? Int == 0)
  }

  @Test("an empty log is an empty, valid document")
  func emptyJSON() throws {
    let (json, text) = report("", nil)
    #expect(String(decoding: json, as: UTF8.self) == "{\n  \"messages\": [],\n  \"senders\": [],\n  \"unread_lines\": 0\n}\n")
    #expect(text == "0 messages from 0 sender domains\n")
  }

  @Test("the text table of one domain")
  func text() throws {
    let (_, text) = report(RealPostfixLog.relayRequiresAuthV14, try comparison(relayRequiresAuth, "15.1.0"))
    let strict = text.components(separatedBy: "\n\n").first { $0.hasPrefix("strict.test") }
    #expect(
      strict == """
        strict.test: 1 message, agrees
          predicted: relayed via [smtp.strict.test]:587 (no AUTH)
            route                    status  count first           last
            via smtp.strict.test:587 bounced     1 Dec 05 23:37:11 Dec 05 23:37:11
          bounced via smtp.strict.test:587 (1): 'smtp.strict.test:587' requires authentication and none was sent (530): add credentials for it (`setup relay add-auth`, or RELAY_USER/RELAY_PASSWORD)
        """)
    #expect(text.hasSuffix("5 messages from 4 sender domains\n"))
  }
}
