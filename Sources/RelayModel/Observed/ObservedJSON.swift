/// `dms-relay log --json`, written as the log is read: messages as they complete, then the
/// per-domain summaries and `unread_lines`. The document is never held whole (a 1 GB log
/// yields some 150 MB of messages); it leaves in 1 MB pieces through `output`.
///
/// Kept apart from `Reports` on purpose: the schema is the issue's
/// (`{"messages": [...], "senders": [...], "unread_lines": N}`), one message per line.
public struct ObservedJSONWriter: ~Copyable {
  private var out = ByteWriter(capacity: 1 << 20)
  private var wroteMessage = false
  private let output: (UnsafeRawBufferPointer) -> Void

  public init(output: @escaping (UnsafeRawBufferPointer) -> Void) {
    self.output = output
    out.append("{\n  \"messages\": [")
  }

  public mutating func message(_ event: DeliveryEvent) {
    out.append(wroteMessage ? ",\n    {\"queue_id\": " : "\n    {\"queue_id\": ")
    wroteMessage = true
    string(event.queueID)
    out.append(", \"time\": ")
    if let time = event.time { writeTime(time) } else { out.append("null") }
    out.append(", \"sender\": ")
    string(event.sender)
    out.append(", \"recipient\": ")
    string(event.recipient)
    out.append(", \"relay\": ")
    string(event.relay)
    out.append(", \"status\": ")
    out.append(event.status.jsonText)
    out.append(", \"dsn\": ")
    string(event.dsn)
    out.append(", \"reason\": ")
    string(event.reason)
    out.append("}")
    if out.count >= 1 << 20 { drain() }
  }

  /// Writes the rest of the document and hands out the last piece.
  public consuming func finish(senders: [SenderDomainSummary], unreadLines: Int) {
    out.append(wroteMessage ? "\n  ],\n  \"senders\": " : "],\n  \"senders\": ")
    var rest: [UInt8] = []
    JSONValue.array(senders.map(Self.senderJSON)).write(into: &rest, indent: 1)
    out.append(rest)
    out.append(",\n  \"unread_lines\": ")
    out.append(decimal: unreadLines)
    out.append("\n}\n")
    drain()
  }

  private mutating func drain() {
    out.withBytes(output)
    out.removeAll()
  }

  private static let monthBytes = Array((LogTime.monthNames.joined() + "???").utf8)

  /// `LogTime.description` without a String.
  private mutating func writeTime(_ t: LogTime) {
    func two(_ n: Int) {
      out.append(UInt8(48 + (n / 10) % 10))
      out.append(UInt8(48 + n % 10))
    }
    out.append(0x22)
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
    out.append(0x22)
  }

  /// A JSON string of log bytes, or null. Bytes that are not UTF-8 become U+FFFD (JSON
  /// must be UTF-8); plain ASCII without quotes or controls is copied as is.
  private mutating func string(_ bytes: UnsafeRawBufferPointer?) {
    guard let bytes else { return out.append("null") }
    var plain = true
    for b in bytes where b < 0x20 || b >= 0x80 || b == 0x22 || b == 0x5C {
      plain = false
      break
    }
    if plain {
      out.append(0x22)
      out.append(bytes)
      out.append(0x22)
    } else {
      out.append(jsonString: String(decoding: bytes, as: UTF8.self))
    }
  }

  static func senderJSON(_ s: SenderDomainSummary) -> JSONValue {
    .object([
      ("domain", .string(s.domain)),
      (
        "observed",
        .array(
          s.observed.map { r in
            .object([
              ("route", .string(r.route)), ("status", .string(r.status.rawValue)), ("count", .int(r.count)),
              ("first", .optional(r.first?.description)), ("last", .optional(r.last?.description)),
              ("reason", .optional(r.reason)),
            ])
          })
      ),
      ("predicted", .optional(s.predicted?.summary)),
      ("agrees", s.agrees.map(JSONValue.bool) ?? .null),
      ("explanation", .optional(s.explanation)),
    ])
  }
}

extension DeliveryStatus {
  var jsonText: StaticString {
    switch self {
    case .sent: return "\"sent\""
    case .deferred: return "\"deferred\""
    case .bounced: return "\"bounced\""
    case .expired: return "\"expired\""
    case .queued: return "\"queued\""
    }
  }
}
