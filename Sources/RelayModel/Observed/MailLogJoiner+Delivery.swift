extension MailLogJoiner {
  /// `ID: to=<rcpt>, [orig_to=<…>,] relay=host[addr]:port, delay=…, delays=…, dsn=X.Y.Z,
  /// status=WORD (text)` from smtp, lmtp, error, virtual, local, discard or pipe.
  mutating func delivery(
    _ line: LogLine, _ qid: UnsafeRawBufferPointer, _ text: UnsafeRawBufferPointer,
    _ onMessage: (DeliveryEvent) -> Void
  ) {
    guard let key = QueueKey(qid), let close = ByteSearch.index(of: UInt8(ascii: ">"), in: text, from: 4),
      let statusAt = Self.find(text, ", status=", from: close)
    else {
      unreadLines += 1
      return
    }
    let recipient = UnsafeRawBufferPointer(rebasing: text[4..<close])
    let wordStart = statusAt + 9
    var wordEnd = wordStart
    while wordEnd < text.count, text[wordEnd] != 32 { wordEnd += 1 }
    let status: DeliveryStatus
    switch wordEnd - wordStart {
    case 4 where text[wordStart] == UInt8(ascii: "s"): status = .sent
    case 8 where text[wordStart] == UInt8(ascii: "d"): status = .deferred
    case 7 where text[wordStart] == UInt8(ascii: "b"): status = .bounced
    case 7 where text[wordStart] == UInt8(ascii: "e"): status = .expired
    default: return  // `deliverable`/`undeliverable`: an address probe, not mail
    }
    // Fields between the recipient and the status.
    func field(_ name: StaticString) -> Range<Int>? {
      guard let at = Self.find(text, name, from: close), at < statusAt else { return nil }
      let start = at + name.utf8CodeUnitCount
      var end = start
      while end < statusAt, text[end] != UInt8(ascii: ",") { end += 1 }
      return start..<end
    }
    var reasonRange = wordEnd..<wordEnd
    if wordEnd + 2 < text.count, text[wordEnd + 1] == UInt8(ascii: "(") {
      let end = text.last == UInt8(ascii: ")") ? text.count - 1 : text.count
      reasonRange = (wordEnd + 2)..<max(wordEnd + 2, end)
    }
    var port: Int?
    scratch.removeAll(keepingCapacity: true)
    if line.daemon.isLocalDelivery {
      scratch.append(contentsOf: "local".utf8)
    } else if let relay = field(" relay=") {
      port = Self.appendRelay(UnsafeRawBufferPointer(rebasing: text[relay]), to: &scratch)
    }
    let relayEnd = scratch.count
    if let dsn = field(" dsn=") { scratch.append(contentsOf: text[dsn]) }
    let dsnEnd = scratch.count
    scratch.append(contentsOf: text[reasonRange])
    if status != .sent {
      if let warning = processWarnings.removeValue(forKey: line.pid) {
        scratch.append(contentsOf: "; smtp: ".utf8)
        scratch.append(contentsOf: warning)
      } else if let table = tableWarning, Self.contains(UnsafeRawBufferPointer(rebasing: text[reasonRange]), "resolver failure") {
        scratch.append(contentsOf: "; trivial-rewrite: ".utf8)
        scratch.append(contentsOf: table)
      }
    }
    let time = line.time ?? lastTime
    if status == .deferred {
      var held = HeldDelivery(
        bytes: Array(recipient), ends: (recipient.count, 0, 0, 0), time: time, daemon: line.daemon, port: port)
      held.bytes.append(contentsOf: scratch)
      held.ends = (recipient.count, recipient.count + relayEnd, recipient.count + dsnEnd, held.bytes.count)
      if open[key] == nil { open[key] = OpenMessage(senderID: -1, activated: sequence, queueID: key) }
      if let index = open[key]!.deferrals.firstIndex(where: { $0.recipient == Array(recipient) }) {
        open[key]!.deferrals[index] = held
      } else {
        open[key]!.deferrals.append(held)
      }
      return
    }
    var senderID: Int32 = -1
    if open[key] != nil {
      open[key]!.delivered = true
      senderID = open[key]!.senderID
      if !open[key]!.deferrals.isEmpty { open[key]!.deferrals.removeAll { $0.recipient == Array(recipient) } }
    }
    // Moved out (not copied) so the next line reuses its memory.
    var bytes: [UInt8] = []
    swap(&bytes, &scratch)
    defer { swap(&bytes, &scratch) }
    bytes.withUnsafeBytes { fields in
      let event = DeliveryEvent(
        queueID: qid, time: time, sender: nil, recipient: recipient,
        relay: relayEnd > 0 ? UnsafeRawBufferPointer(rebasing: fields[0..<relayEnd]) : nil, status: status,
        dsn: dsnEnd > relayEnd ? UnsafeRawBufferPointer(rebasing: fields[relayEnd..<dsnEnd]) : nil,
        reason: fields.count > dsnEnd ? UnsafeRawBufferPointer(rebasing: fields[dsnEnd...]) : nil,
        daemon: line.daemon, port: port, senderID: senderID)
      emit(event, onMessage)
    }
  }

  /// `host[addr]:port` → `host:port` (lowercased, as `Route.relay` spells it); `host[path]`
  /// → `host`; `none` as is. Returns the port.
  static func appendRelay(_ relay: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Int? {
    guard let open = relay.firstIndex(of: UInt8(ascii: "[")) else {
      out.append(contentsOf: relay)
      return nil
    }
    for b in relay[..<open] { out.append(Bytes.lower(b)) }
    guard let close = relay[open...].firstIndex(of: UInt8(ascii: "]")), close + 1 < relay.count,
      relay[close + 1] == 58
    else { return nil }
    out.append(contentsOf: relay[(close + 1)...])
    var port = 0
    for b in relay[(close + 2)...] where b >= 48 && b <= 57 { port = port &* 10 &+ Int(b - 48) }
    return port
  }

  /// Hands out every deferral of a message leaving the queue (or the log ending), with
  /// `status` (`expired`) or as deferred; a message with no delivery at all is `queued`,
  /// or `deferred` when an smtp process died after it was activated.
  mutating func flush(_ message: OpenMessage, as status: DeliveryStatus?, _ onMessage: (DeliveryEvent) -> Void) {
    message.queueID.withBytes { qid in
      for held in message.deferrals {
        held.bytes.withUnsafeBytes { b in
          let (r, relay, dsn, reason) = held.ends
          let event = DeliveryEvent(
            queueID: qid, time: held.time, sender: nil, recipient: UnsafeRawBufferPointer(rebasing: b[0..<r]),
            relay: relay > r ? UnsafeRawBufferPointer(rebasing: b[r..<relay]) : nil, status: status ?? .deferred,
            dsn: dsn > relay ? UnsafeRawBufferPointer(rebasing: b[relay..<dsn]) : nil,
            reason: reason > dsn ? UnsafeRawBufferPointer(rebasing: b[dsn..<reason]) : nil,
            daemon: held.daemon, port: held.port, senderID: message.senderID)
          emit(event, onMessage)
        }
      }
      guard message.deferrals.isEmpty, !message.delivered else { return }
      var silent = status ?? .queued
      var why: [UInt8] = []
      if status == nil, let death = smtpDeath, death.sequence > message.activated {
        silent = .deferred
        why = Array("no delivery logged: the smtp process died (".utf8) + death.text + [UInt8(ascii: ")")]
      }
      why.withUnsafeBytes { reason in
        let event = DeliveryEvent(
          queueID: qid, time: lastTime, sender: nil, recipient: nil, relay: nil, status: silent, dsn: nil,
          reason: reason.isEmpty ? nil : reason, daemon: .smtp, port: nil, senderID: message.senderID)
        emit(event, onMessage)
      }
    }
  }

  /// Filters, aggregates and hands out one message (with its sender's bytes filled in).
  mutating func emit(_ event: DeliveryEvent, _ onMessage: (DeliveryEvent) -> Void) {
    if let since, let time = event.time, !since.admits(time) { return }
    let domainID = event.senderID >= 0 ? senderDomains[Int(event.senderID)] : -1
    if let senderDomain {
      guard domainID >= 0, observed.domainKey(Int(domainID)).elementsEqual(senderDomain) else { return }
    }
    messageCount += 1
    let sender = event.senderID >= 0 ? senders.key(Int(event.senderID)) : []
    sender.withUnsafeBytes { senderBytes in
      var event = event
      if event.senderID >= 0 { event.sender = senderBytes }
      observed.add(event, domainID: Int(domainID))
      onMessage(event)
    }
  }
}

extension MailLogJoiner.HeldDelivery {
  var recipient: [UInt8] { Array(bytes[0..<ends.0]) }
}
