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
