#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a Postfix mail log as a stream of byte chunks and joins its lines by queue ID into
/// one outcome per message and recipient (`DeliveryEvent`), aggregated per sender domain.
///
/// Memory grows with the distinct senders and the queue IDs still open, never with the
/// log: a message is handed out as soon as its status is final (`sent`, `bounced`), and a
/// deferral is kept only until the queue manager logs `removed` or `status=expired`.
/// Lines are found with `memchr` and read as bytes; no String is built per line.
///
/// ```swift
/// var joiner = MailLogJoiner(comparison: ObservedComparison(router: router, environment: env))
/// file.chunks { joiner.consume($0) { print(ObservedMessage($0)) } }
/// joiner.finish { print(ObservedMessage($0)) }
/// let domains = joiner.summaries()
/// ```
public struct MailLogJoiner {
  /// Lines longer than this are not read (counted in `unreadLines`): no Postfix line is.
  public static let maxLineLength = 64 * 1024

  /// Postfix lines that could not be read: a delivery without `status=`, a `from=<` without
  /// `>`, a line too long to be Postfix's, a queue ID too long to be one.
  public internal(set) var unreadLines = 0
  public internal(set) var linesRead = 0
  /// Messages handed out (after `since` and `senderDomain`).
  public internal(set) var messageCount = 0

  let since: LogTimeFilter?
  /// Folded bytes of `--sender-domain`.
  let senderDomain: [UInt8]?
  var carry: [UInt8] = []
  var skippingOverlong = false
  var sequence = 0
  var lastTime: LogTime?
  var open: [QueueKey: OpenMessage] = [:]
  var senders = ByteKeyIndex(foldsCase: false)
  /// Per sender ID: its domain's ID in `observed`, or -1 for `<>`.
  var senderDomains: [Int32] = []
  var observed: ObservedSenders
  /// The last warning or fatal line of each delivery process (by PID), for its next delivery.
  var processWarnings: [Int: [UInt8]] = [:]
  /// The last table problem trivial-rewrite or smtp logged (a duplicate key …).
  var tableWarning: [UInt8]?
  /// When the last smtp process died (a line number), and the reason it gave.
  var smtpDeath: (sequence: Int, text: [UInt8])?
  var scratch: [UInt8] = []

  public init(comparison: ObservedComparison? = nil, since: LogTimeFilter? = nil, senderDomain: String? = nil) {
    self.since = since
    self.senderDomain = senderDomain.map { Array($0.lowercased().utf8) }
    observed = ObservedSenders(comparison: comparison)
    scratch.reserveCapacity(512)
  }

  /// A queue ID of up to 16 bytes (Postfix's short IDs are 10–12, long ones 12–16) as two words.
  struct QueueKey: Hashable {
    var low: UInt64
    var high: UInt64

    init?(_ bytes: UnsafeRawBufferPointer) {
      guard bytes.count <= 16 else { return nil }
      var words: (UInt64, UInt64) = (0, 0)
      withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
      (low, high) = words
    }

    /// The queue ID's bytes (no queue ID contains a NUL, so the padding ends it).
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
      withUnsafeBytes(of: (low, high)) { raw in
        body(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.firstIndex(of: 0) ?? 16)]))
      }
    }
  }

  /// A message between the queue manager's `from=` and `removed`.
  struct OpenMessage {
    var senderID: Int32
    /// The line number it was (last) activated at.
    var activated: Int
    var delivered = false
    /// Deferred recipients, newest attempt each, until the message leaves the queue.
    var deferrals: [HeldDelivery] = []
    /// Its queue ID (the bytes are in the key).
    var queueID: QueueKey
  }

  /// A deferral's fields in one buffer: recipient, relay, DSN, reason.
  struct HeldDelivery {
    var bytes: [UInt8]
    var ends: (Int, Int, Int, Int)
    var time: LogTime?
    var daemon: PostfixDaemon
    var port: Int?
  }

  /// Reads the complete lines in `chunk`; a partial last line waits for the next chunk.
  public mutating func consume(_ chunk: UnsafeRawBufferPointer, _ onMessage: (DeliveryEvent) -> Void) {
    guard let base = chunk.baseAddress, chunk.count > 0 else { return }
    let n = chunk.count
    var start = 0
    if !carry.isEmpty || skippingOverlong {
      guard let hit = memchr(base, 10, n) else { return keep(UnsafeRawBufferPointer(rebasing: chunk[0..<n])) }
      let newline = base.distance(to: UnsafeRawPointer(hit))
      keep(UnsafeRawBufferPointer(rebasing: chunk[0..<newline]))
      if skippingOverlong {
        skippingOverlong = false
      } else {
        let line = carry
        carry.removeAll(keepingCapacity: true)
        line.withUnsafeBytes { read($0, onMessage) }
      }
      start = newline + 1
    }
    while start < n {
      guard let hit = memchr(base + start, 10, n - start) else {
        keep(UnsafeRawBufferPointer(rebasing: chunk[start..<n]))
        break
      }
      let newline = base.distance(to: UnsafeRawPointer(hit))
      if newline - start <= Self.maxLineLength {
        read(UnsafeRawBufferPointer(rebasing: chunk[start..<newline]), onMessage)
      } else {
        linesRead += 1
        unreadLines += 1
      }
      start = newline + 1
    }
  }

  /// Keeps a partial line for the next chunk, or starts skipping it when it is too long.
  private mutating func keep(_ part: UnsafeRawBufferPointer) {
    if skippingOverlong { return }
    if carry.count + part.count > Self.maxLineLength {
      carry.removeAll(keepingCapacity: false)
      skippingOverlong = true
      linesRead += 1
      unreadLines += 1
      return
    }
    carry.append(contentsOf: part)
  }

  /// Ends the input: reads a last line without a newline and hands out every message still
  /// open (deferrals as `deferred`, messages without a delivery as `queued` or `deferred`).
  public mutating func finish(_ onMessage: (DeliveryEvent) -> Void) {
    if !carry.isEmpty, !skippingOverlong {
      let line = carry
      carry.removeAll()
      line.withUnsafeBytes { read($0, onMessage) }
    }
    skippingOverlong = false
    let remaining = open.values.sorted { $0.activated < $1.activated }
    open.removeAll()
    for message in remaining { flush(message, as: nil, onMessage) }
  }

  /// Where a `follow` reader resumes after the file was replaced: a line cut in two by
  /// the rotation is dropped, not glued to the new file's first line.
  public mutating func dropPartialLine() {
    if !carry.isEmpty { unreadLines += 1 }
    carry.removeAll(keepingCapacity: true)
    skippingOverlong = false
  }

  /// Per sender domain: the routes observed and how they compare with the prediction.
  public func summaries() -> [SenderDomainSummary] { observed.summaries() }
}
