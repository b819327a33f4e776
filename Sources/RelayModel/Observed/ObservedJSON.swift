/// `dms-relay log --json`, written as the log is read: messages as they complete, then the
/// per-domain summaries and `unread_lines`. The document is never held whole (a 1 GB log
/// yields some 150 MB of messages); it leaves in 1 MB pieces through `output`.
///
/// The schema is the (`{"messages": [...], "senders": [...], "unread_lines": N}`),
/// laid out by the one `JSONWriter` every report uses.
public struct ObservedJSONWriter: ~Copyable {
  private static let pieceBytes = 1 << 20
  private var json = JSONWriter(capacity: pieceBytes)
  private let output: (UnsafeRawBufferPointer) -> Void

  public init(output: @escaping (UnsafeRawBufferPointer) -> Void) {
    self.output = output
    json.beginObject()
    json.key("messages")
    json.beginArray()
  }

  public mutating func message(_ event: DeliveryEvent) {
    json.beginObject()
    json.key("queue_id")
    string(event.queueID)
    json.key("time")
    if let time = event.time { json.string(parts: { Self.writeTime(time, into: &$0) }) } else { json.null() }
    json.key("sender")
    string(event.sender)
    json.key("recipient")
    string(event.recipient)
    json.key("relay")
    string(event.relay)
    json.member("status", event.status.rawValue)
    json.key("dsn")
    string(event.dsn)
    json.key("reason")
    string(event.reason)
    json.endObject()
    if json.bytes.count >= Self.pieceBytes { drain() }
  }

  /// Writes the rest of the document and hands out the last piece.
  public consuming func finish(senders: [SenderDomainSummary], unreadLines: Int) {
    json.endArray()
    json.key("senders")
    json.beginArray()
    for summary in senders { Self.writeSender(summary, into: &json) }
    json.endArray()
    json.key("unread_lines")
    json.int(unreadLines)
    json.endObject()
    json.finish(to: output)
  }

  private mutating func drain() {
    json.bytes.withBytes(output)
    json.bytes.removeAll()
  }

  private static let monthBytes = Array((LogTime.monthNames.joined() + "???").utf8)

  /// `LogTime.description` without a String (the quotes are the writer's).
  private static func writeTime(_ t: LogTime, into out: inout ByteWriter) {
    func two(_ n: Int) {
      out.append(UInt8(48 + (n / 10) % 10))
      out.append(UInt8(48 + n % 10))
    }
    if t.year == 0 {
      let name = (1...12).contains(t.month) ? t.month - 1 : 12
      Self.monthBytes.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[(name * 3)..<(name * 3 + 3)])) }
      out.append(0x20)
      two(t.day)
      out.append(0x20)
    } else {
      out.append(decimal: t.year)
      out.append(0x2D)
      two(t.month)
      out.append(0x2D)
      two(t.day)
      out.append(0x54)
    }
    two(t.hour)
    out.append(0x3A)
    two(t.minute)
    out.append(0x3A)
    two(t.second)
  }

  /// A JSON string of log bytes, or null. Bytes that are not UTF-8 become U+FFFD (JSON
  /// must be UTF-8); plain ASCII without quotes or controls is copied as is.
  private mutating func string(_ bytes: UnsafeRawBufferPointer?) {
    guard let bytes else { return json.null() }
    json.string(parts: { out in
      if ByteWriter.needsEscaping(bytes) || bytes.contains(where: { $0 >= 0x80 }) {
        out.append(jsonStringContent: String(decoding: bytes, as: UTF8.self))
      } else {
        out.append(bytes)
      }
    })
  }

  static func writeSender(_ s: SenderDomainSummary, into json: inout JSONWriter) {
    json.beginObject()
    json.member("domain", s.domain)
    json.key("observed")
    json.beginArray()
    for r in s.observed {
      json.beginObject()
      json.member("route", r.route)
      json.member("status", r.status.rawValue)
      json.key("count")
      json.int(r.count)
      json.member("first", r.first?.description)
      json.member("last", r.last?.description)
      json.member("reason", r.reason)
      json.endObject()
    }
    json.endArray()
    json.member("predicted", s.predicted?.summary)
    json.key("agrees")
    json.bool(s.agrees)
    json.member("explanation", s.explanation)
    json.endObject()
  }
}
