/// One message's outcome for one recipient, handed out by `MailLogJoiner` while its bytes
/// are valid (the line being read, or the joiner's record of a deferral). Copy what you
/// keep: `ObservedMessage(event)` does.
public struct DeliveryEvent {
  public var queueID: UnsafeRawBufferPointer
  public var time: LogTime?
  /// Nil when the log starts after the queue manager's `from=` line (`<>` is an empty sender).
  public var sender: UnsafeRawBufferPointer?
  /// Nil for a deferral Postfix logged no `to=` line for (smtp died first).
  public var recipient: UnsafeRawBufferPointer?
  /// `host:port` as logged without the address (`smtp.test:587`), `none`, `local`, … or nil.
  public var relay: UnsafeRawBufferPointer?
  public var status: DeliveryStatus
  public var dsn: UnsafeRawBufferPointer?
  /// The text in parentheses after `status=`, plus the delivery's own warning, if any.
  public var reason: UnsafeRawBufferPointer?
  var daemon: PostfixDaemon
  var port: Int?
  var senderID: Int32
}

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
