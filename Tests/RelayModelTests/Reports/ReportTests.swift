import Foundation
import Testing
@testable import RelayModel

/// What a report writes to its sink, gathered.
func written(_ report: ((UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8] {
  var all: [UInt8] = []
  report { all += $0 }
  return all
}

/// Parses JSON with Foundation: an oracle independent of `JSONWriter`.
func parseJSON(_ bytes: [UInt8]) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

@Suite("Report rendering")
struct ReportTests {
  @Test("preview JSON in 64-byte pieces equals the whole document, for every fixture", arguments: Fixtures.caseNames)
  func piecesMatchTheWhole(_ name: String) throws {
    let p = try preview(fixture: name, version: "13.3.1")
    var pieces: [UInt8] = []
    var count = 0
    Reports.writePreviewJSON(p, chunkSize: 64) {
      pieces += $0
      count += 1
    }
    #expect(pieces == Reports.previewJSONBytes(p))
    #expect(p.routes.count < 2 || count > 2, "\(name): \(p.routes.count) routes came in \(count) pieces")
  }

  @Test("preview JSON carries every route and diagnostic as the model has them", arguments: Fixtures.caseNames)
  func previewJSONMatchesTheModel(_ name: String) throws {
    let p = try preview(fixture: name, version: "15.1.0")
    let document = try #require(try parseJSON(Reports.previewJSONBytes(p)) as? [String: Any])
    #expect(document["dms_version"] as? String == "15.1.0")
    #expect(document["family"] as? String == "v14+")
    let routes = try #require(document["routes"] as? [[String: Any]])
    #expect(routes.count == p.routes.count)
    for (json, route) in zip(routes, p.routes) {
      #expect(json["sender"] as? String == route.sender)
      #expect(json["outcome"] as? String == route.outcome.rawValue)
      #expect(json["nexthop"] as? String == route.nexthop)
      #expect(json["auth_user"] as? String == route.authUser)
      #expect(json["decided_by"] as? String == route.decidedBy)
      #expect(json["source"] as? String == route.decidedByOrigin?.reference)
      #expect(json["auth_source"] as? String == route.authOrigin?.reference)
      #expect(json["warnings"] as? [String] == route.warnings.map(\.message))
    }
    let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.map { $0["code"] as? String } == p.diagnostics.map(\.id.rawValue))
    #expect(diagnostics.map { $0["line"] as? Int } == p.diagnostics.map(\.location?.line))
  }

  /// A direct route with nothing set, one with every field and awkward bytes, one generated.
  static func sampleRoutes() -> [Route] {
    let plain = Route(
      sender: "@a.test", outcome: .direct, nexthop: nil, relay: nil, authUser: nil, decidedBy: nil,
      decidedByOrigin: nil, authDecidedBy: nil, authOrigin: nil, tls: "may", reason: nil, warnings: [])
    var tricky = plain
    tricky.sender = "q\"uo\\te\t@b.test"
    tricky.outcome = .relayed
    tricky.nexthop = "[r.test]:587"
    tricky.relay = "r.test:587"
    tricky.authUser = "us\u{1}er"
    tricky.decidedBy = "relayhost_map:@b.test"
    tricky.decidedByOrigin = .file(name: "odd\"name.cf", line: 12)
    tricky.authOrigin = .environment(["RELAY_USER", "RELAY_PASSWORD"])
    tricky.reason = "why\nnot"
    tricky.warnings = [RouteWarning("a", "first \"one\""), RouteWarning("b", "second")]
    var generated = plain
    generated.decidedByOrigin = .generatedForDomain("c.test")
    generated.warnings = [RouteWarning("c", "only")]
    return [plain, tricky, generated]
  }

  @Test("route JSON: the documented layout, escapes and every kind of origin")
  func routeJSON() throws {
    let routes = Self.sampleRoutes()
    let text = String(decoding: written { Reports.routesJSON([routes[0]], to: $0) }, as: UTF8.self)
    #expect(
      text == """
        [
          {
            "sender": "@a.test",
            "outcome": "direct",
            "nexthop": null,
            "relay": null,
            "auth_user": null,
            "decided_by": null,
            "source": null,
            "auth_source": null,
            "tls": "may",
            "reason": null,
            "rewritten_sender": null,
            "unpreviewable": null,
            "warnings": [],
            "fallbacks": [],
            "mx_auth_user": null,
            "deferred_if_mx_offers_auth": false
          }
        ]

        """)
    let parsed = try #require(try parseJSON(written { Reports.routesJSON(routes, to: $0) }) as? [[String: Any]])
    #expect(parsed.count == 3)
    #expect(parsed[1]["sender"] as? String == "q\"uo\\te\t@b.test")
    #expect(parsed[1]["auth_user"] as? String == "us\u{1}er")
    #expect(parsed[1]["source"] as? String == "odd\"name.cf:12")
    #expect(parsed[1]["auth_source"] as? String == "env RELAY_USER+RELAY_PASSWORD")
    #expect(parsed[1]["reason"] as? String == "why\nnot")
    #expect(parsed[1]["warnings"] as? [String] == ["first \"one\"", "second"])
    #expect(parsed[2]["source"] as? String == "generated from RELAY_HOST for c.test")
  }

  @Test("a route decided by the sender's own key names it without a stored String")
  func senderKeyDecider() throws {
    let p = try preview(fixture: "sasl-file-and-env-creds", version: "15.1.0")
    let route = p.routeFor("@example.test")
    let parsed = try #require(try parseJSON(written { Reports.routesJSON([route], to: $0) }) as? [[String: Any]])
    #expect(parsed[0]["decided_by"] as? String == "relayhost_map:@example.test")
    #expect(parsed[0]["decided_by"] as? String == route.decidedBy)
  }

  @Test("generate JSON redacts passwords unless asked")
  func generateRedacts() throws {
    let config = try Fixtures.configuration("relay-host-user-password")
    let state = Generator.generate(config, family: .v14plus)
    let version = try DMSVersion.parse("14")
    let redacted = String(decoding: written { Reports.generateJSON(state, version: version, showSecrets: false, to: $0) }, as: UTF8.self)
    #expect(!redacted.contains("p@ss w0rd:!"))
    #expect(redacted.contains("relay-user:<redacted>"))
    let shown = String(decoding: written { Reports.generateJSON(state, version: version, showSecrets: true, to: $0) }, as: UTF8.self)
    #expect(shown.contains("relay-user:p@ss w0rd:!"))
  }

  @Test("preview text styles the outcome and severity words, and reads the same without styles")
  func previewTextStyles() throws {
    let p = try preview(fixture: "relay-host-with-port", version: "13.3.1")
    let text = Reports.previewText(p)
    #expect(text.spans.first == StyledSpan("DMS 13.3.1 (v12-13)", .bold))
    #expect(text.spans.contains { $0.style == .outcome(p.routes[0].outcome) && $0.text.hasPrefix(p.routes[0].outcome.rawValue) })
    let severity = try #require(p.diagnostics.first?.severity)
    #expect(text.spans.contains(StyledSpan(severity.rawValue, .severity(severity))))
    #expect(text.plain.hasSuffix("\(p.errorCount) error(s), \(p.warningCount) warning(s)\n"))
  }

  @Test("preview text in pieces is the one-piece text, its columns measured over every route", arguments: [1, 2, 5, 2048])
  func previewTextPieces(routesPerPiece: Int) throws {
    // Senders of every width, one with a control character (shown escaped, so wider), and
    // a route with a reason line.
    let p = try preview(
      configuration(
        relayMap: """
          @a.test [r.test]:587
          @a-much-longer-domain-name.example.test [relay.provider.test]:2525
          @b\u{7}.test [r.test]:25
          @c.test
          user@d.test [r.test]:587

          """,
        env: ["DEFAULT_RELAY_HOST": "[fallback.test]:25"]),
      "15.1")
    var pieces: [StyledText] = []
    Reports.writePreviewText(p, routesPerPiece: routesPerPiece) { pieces.append($0) }
    #expect(pieces.count == p.routes.count / routesPerPiece + 1)
    #expect(pieces.map(\.plain).joined() == Reports.previewText(p).plain)
    var joined = StyledText()
    for piece in pieces { joined.append(contentsOf: piece) }
    #expect(joined == Reports.previewText(p))
    // Every table row (and the header) puts OUTCOME at the same column: the widest sender's.
    let lines = joined.plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("SENDER") })
    let column = try #require(header.range(of: "OUTCOME")).lowerBound.utf16Offset(in: header)
    #expect(column == "@a-much-longer-domain-name.example.test".count + 2)
    let rows = lines.filter { line in p.routes.contains { line.hasPrefix(Reports.visible($0.sender) + " ") } }
    #expect(rows.count == p.routes.count)
    for row in rows {
      let outcome = String(row.dropFirst(column).prefix { $0 != " " })
      #expect(RouteOutcome(rawValue: outcome) != nil, "\(row)")
    }
  }
}

@Suite("The JSON writer's layout")
struct JSONWriterTests {
  @Test("empty containers, nesting, numbers and null, two spaces per level")
  func layout() {
    var json = JSONWriter(capacity: 1)
    json.beginObject()
    json.key("empty_object")
    json.beginObject()
    json.endObject()
    json.member("empty_array", strings: [])
    json.member("none", strings: nil)
    json.key("nested")
    json.beginArray()
    json.int(-3)
    json.beginArray()
    json.null()
    json.endArray()
    json.endArray()
    json.member("last", "x")
    json.endObject()
    #expect(
      String(decoding: json.finish(), as: UTF8.self) == """
        {
          "empty_object": {},
          "empty_array": [],
          "none": null,
          "nested": [
            -3,
            [
              null
            ]
          ],
          "last": "x"
        }

        """)
  }

  @Test("an array written by several writers reads as one")
  func continuedArray() {
    var outer = JSONWriter(capacity: 1)
    outer.beginObject()
    outer.key("items")
    outer.beginArray()
    var first = JSONWriter(reusing: ByteWriter(capacity: 1).release(), insideArrayAt: 2, hasMembers: false)
    first.string("a")
    let firstPiece = first.release()
    var second = JSONWriter(reusing: ByteWriter(capacity: 1).release(), insideArrayAt: 2, hasMembers: true)
    second.string("b")
    let secondPiece = second.release()
    outer.bytes.append(firstPiece.bytes)
    outer.bytes.append(secondPiece.bytes)
    firstPiece.deallocate()
    secondPiece.deallocate()
    outer.markHasMembers()
    outer.endArray()
    outer.endObject()
    #expect(String(decoding: outer.finish(), as: UTF8.self) == "{\n  \"items\": [\n    \"a\",\n    \"b\"\n  ]\n}\n")
  }
}
