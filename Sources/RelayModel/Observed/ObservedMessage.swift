/// One message's outcome for one recipient, as values (for screens and tests).
public struct ObservedMessage: Hashable, Sendable {
  public var queueID: String
  public var time: LogTime?
  public var sender: String?
  public var recipient: String?
  public var relay: String?
  public var status: DeliveryStatus
  public var dsn: String?
  public var reason: String?

  public init(
    queueID: String, time: LogTime?, sender: String?, recipient: String?, relay: String?, status: DeliveryStatus,
    dsn: String?, reason: String?
  ) {
    (self.queueID, self.time, self.sender, self.recipient) = (queueID, time, sender, recipient)
    (self.relay, self.status, self.dsn, self.reason) = (relay, status, dsn, reason)
  }

  public init(_ event: DeliveryEvent) {
    func text(_ bytes: UnsafeRawBufferPointer?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
    queueID = String(decoding: event.queueID, as: UTF8.self)
    time = event.time
    sender = text(event.sender)
    recipient = text(event.recipient)
    relay = text(event.relay)
    status = event.status
    dsn = text(event.dsn)
    reason = text(event.reason)
  }
}
