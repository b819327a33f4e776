#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MailLogJoiner {
  /// One line without its newline.
  mutating func read(_ raw: UnsafeRawBufferPointer, _ onMessage: (DeliveryEvent) -> Void) {
    linesRead += 1
    sequence += 1
    var line = raw
    if let last = line.last, last == 13 { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
    guard let parsed = LogLine.parse(line), parsed.daemon != .other else { return }
    let text = UnsafeRawBufferPointer(rebasing: line[parsed.text])
    switch parsed.daemon {
    case .qmgr:
      guard let qid = parsed.queueID else {
        // `warning: private/smtp socket: malformed response`: an smtp process died mid-delivery.
        if Self.contains(text, "malformed response") { smtpDeath = (sequence, Array(text)) }
        return
      }
      queueManager(parsed, line, UnsafeRawBufferPointer(rebasing: line[qid]), text, onMessage)
    case .master:
      // `warning: process /usr/lib/postfix/sbin/smtp pid 25025 exit status 1`,
      // `warning: /usr/lib/postfix/sbin/smtp: bad command startup -- throttling`
      if Self.contains(text, "/smtp pid ") || Self.contains(text, "/smtp: bad command startup") {
        let pid = Self.number(after: "pid ", in: text)
        let said = pid.flatMap { processWarnings.removeValue(forKey: $0) } ?? smtpDeath?.text ?? Array(text)
        smtpDeath = (sequence, said)
      }
    case .rewrite:
      noteTableProblem(text)
    case .bounce, .other:
      return
    default:
      if let qid = parsed.queueID, Self.hasPrefix(text, "to=<") {
        if let time = parsed.time(in: line) { lastTime = time }
        delivery(parsed, UnsafeRawBufferPointer(rebasing: line[qid]), text, onMessage)
      } else if Self.hasPrefix(text, "warning: ") || Self.hasPrefix(text, "fatal: ") || Self.hasPrefix(text, "error: ") {
        if processWarnings.count > 4096 { processWarnings.removeAll() }
        processWarnings[parsed.pid] = Array(text)
        noteTableProblem(text)
        if Self.hasPrefix(text, "fatal: ") { smtpDeath = (sequence, Array(text)) }
      }
    }
  }

  /// `ID: from=<sender>, size=…, nrcpt=… (queue active)`, `ID: from=<s>, status=expired,
  /// returned to sender`, `ID: removed`.
  private mutating func queueManager(
    _ parsed: LogLine, _ line: UnsafeRawBufferPointer, _ qid: UnsafeRawBufferPointer, _ text: UnsafeRawBufferPointer,
    _ onMessage: (DeliveryEvent) -> Void
  ) {
    guard let key = QueueKey(qid) else {
      unreadLines += 1
      return
    }
    if Self.hasPrefix(text, "from=<") {
      if let time = parsed.time(in: line) { lastTime = time }
      let body = UnsafeRawBufferPointer(rebasing: text[6...])
      guard let close = ByteSearch.index(of: UInt8(ascii: ">"), in: body) else {
        unreadLines += 1
        return
      }
      let sender = UnsafeRawBufferPointer(rebasing: body[..<close])
      if Self.contains(UnsafeRawBufferPointer(rebasing: body[close...]), "status=expired") {
        var message =
          open.removeValue(forKey: key)
          ?? OpenMessage(
            senderID: senderID(sender), activated: sequence, queueID: key)
        message.delivered = message.delivered || !message.deferrals.isEmpty
        flush(message, as: .expired, onMessage)
        return
      }
      let recipients = Self.number(after: "nrcpt=", in: UnsafeRawBufferPointer(rebasing: body[close...])) ?? 0
      if let index = open.index(forKey: key) {
        open.values[index].activated = sequence
        open.values[index].remaining = recipients
      } else {
        var message = OpenMessage(senderID: senderID(sender), activated: sequence, queueID: key)
        message.remaining = recipients
        open[key] = message
      }
    } else if text.count == 7, Self.hasPrefix(text, "removed") {
      if let message = open.removeValue(forKey: key) { flush(message, as: nil, onMessage) }
    }
  }

  /// The ID of `sender` (interned: the distinct senders are few next to the messages).
  mutating func senderID(_ sender: UnsafeRawBufferPointer) -> Int32 {
    let (id, inserted) = senders.insert(sender.bindMemory(to: UInt8.self))
    if inserted {
      let at = sender.lastIndex(of: UInt8(ascii: "@"))
      senderDomains.append(
        at.map { observed.domainID(UnsafeRawBufferPointer(rebasing: sender[($0 + 1)...])) } ?? -1)
    }
    return Int32(id)
  }

  static func hasPrefix(_ text: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
    text.count >= prefix.utf8CodeUnitCount && memcmp(text.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
  }

  static func contains(_ text: UnsafeRawBufferPointer, _ needle: StaticString) -> Bool {
    find(text, needle, from: 0) != nil
  }

  /// Where `needle` starts in `text` at or after `from`.
  static func find(_ text: UnsafeRawBufferPointer, _ needle: StaticString, from: Int) -> Int? {
    guard let base = text.baseAddress, from < text.count,
      let found = ByteSearch.find(base + from, text.count - from, needle.utf8Start, needle.utf8CodeUnitCount)
    else { return nil }
    return from + found
  }

  static func number(after word: StaticString, in text: UnsafeRawBufferPointer) -> Int? {
    guard let at = find(text, word, from: 0) else { return nil }
    var i = at + word.utf8CodeUnitCount
    var value = 0
    let start = i
    while i < text.count, text[i] >= 48, text[i] <= 57 {
      value = value &* 10 &+ Int(text[i] - 48)
      i += 1
    }
    return i > start ? value : nil
  }

  /// Keeps the line that names the broken table (`… is unavailable. …, line 2: duplicate
  /// entry: "@A.TEST"`) over the vaguer `… lookup failure` lines that follow it.
  mutating func noteTableProblem(_ text: UnsafeRawBufferPointer) {
    if Self.contains(text, "duplicate entry") || Self.contains(text, "is unavailable") {
      tableWarning = Array(text)
    } else if tableWarning == nil, Self.contains(text, "lookup error") || Self.contains(text, "lookup failure") {
      tableWarning = Array(text)
    }
  }
}
