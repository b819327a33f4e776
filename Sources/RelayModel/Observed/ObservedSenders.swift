/// The per-sender-domain tally behind `SenderDomainSummary`: bounded by the distinct
/// domains, routes and failure reasons, never by the number of messages.
struct ObservedSenders {
  let comparison: ObservedComparison?
  /// Sender domains, folded (Postfix folds case), IDs in first-seen order.
  var domains = ByteKeyIndex(foldsCase: true)
  var domainNames: [String] = []
  var groups: [[Group]] = []
  var perHour: [[Int]] = []
  /// Observed relays (`host:port`) by ID; IDs 0–2 are the fixed routes below.
  var relays = ByteKeyIndex(foldsCase: true)
  var relayNames: [String] = []
  var knownRelays = ByteKeyIndex(foldsCase: true)
  /// Room to lower a failure's reason in.
  var lowered: [UInt8] = []
  /// Per sender ID, its predicted route (looked up once per sender).
  var expectations: [ObservedComparison.Expectation?] = []

  static let direct: Int32 = 0
  static let local: Int32 = 1
  static let none: Int32 = 2

  struct Group {
    var relay: Int32
    var status: DeliveryStatus
    var reason: FailureReason?
    var count = 0
    var compared = 0
    var disagreeing = 0
    var first: LogTime?
    var last: LogTime?
    var example: String?
  }

  init(comparison: ObservedComparison?) {
    self.comparison = comparison
    for fixed in ["\u{0}direct", "\u{0}local", "\u{0}none"] { _ = relays.insert(fixed.utf8) }
    relayNames = ["direct", "local", "none"]
    for relay in comparison?.knownRelays ?? [] { _ = knownRelays.insert(relay.utf8) }
  }

  mutating func domainID(_ domain: UnsafeRawBufferPointer) -> Int32 {
    let (id, inserted) = domains.insert(domain.bindMemory(to: UInt8.self))
    if inserted {
      domainNames.append(String(decoding: domain, as: UTF8.self))
      groups.append([])
      perHour.append(Array(repeating: 0, count: 24))
    }
    return Int32(id)
  }

  func domainKey(_ id: Int) -> ArraySlice<UInt8> { domains.key(id) }

  mutating func add(_ event: DeliveryEvent, domainID: Int) {
    guard domainID >= 0 else { return }
    var relay = Self.none
    if event.daemon.isLocalDelivery {
      relay = Self.local
    } else if let logged = event.relay, !logged.elementsEqual("none".utf8) {
      let bytes = logged.bindMemory(to: UInt8.self)
      _ = expectation(event)  // registers the predicted relay
      if let id = relays.id(of: bytes) {
        relay = Int32(id)
      } else if knownRelays.id(of: bytes) != nil {
        relay = Int32(relays.insert(bytes).id)
        relayNames.append("via " + String(decoding: logged, as: UTF8.self))
      } else {
        relay = Self.direct
      }
    }
    var agrees: Bool?
    if relay != Self.local, let expected = expectation(event) { agrees = self.agrees(expected, relay: relay, event: event) }
    var reason: FailureReason?
    if event.status.isFailure {
      let text = event.reason ?? UnsafeRawBufferPointer(start: nil, count: 0)
      if lowered.count < text.count { lowered = Array(repeating: 0, count: text.count) }
      reason = lowered.withUnsafeMutableBytes { FailureReason.classify(text, port: event.port, lowering: $0) }
    }
    let index: Int
    if let found = groups[domainID].firstIndex(where: { $0.relay == relay && $0.status == event.status && $0.reason == reason }) {
      index = found
    } else {
      index = groups[domainID].count
      groups[domainID].append(Group(relay: relay, status: event.status, reason: reason))
    }
    groups[domainID][index].count += 1
    if let agrees {
      groups[domainID][index].compared += 1
      if !agrees { groups[domainID][index].disagreeing += 1 }
    }
    if let time = event.time {
      if groups[domainID][index].first == nil { groups[domainID][index].first = time }
      groups[domainID][index].last = time
      if (0..<24).contains(time.hour) { perHour[domainID][time.hour] += 1 }
    }
    if reason != nil, groups[domainID][index].example == nil {
      groups[domainID][index].example = event.reason.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
  }

  /// The sender's predicted route, looked up the first time the sender is seen.
  private mutating func expectation(_ event: DeliveryEvent) -> ObservedComparison.Expectation? {
    guard event.senderID >= 0, let sender = event.sender, comparison != nil else { return nil }
    let id = Int(event.senderID)
    if id >= expectations.count { expectations += Array(repeating: nil, count: id + 1 - expectations.count) }
    if let known = expectations[id] { return known }
    let (outcome, predictedRelay) = comparison!.predicted(for: String(decoding: sender, as: UTF8.self))
    var found = ObservedComparison.Expectation(outcome: outcome, relay: -1)
    if let predictedRelay {
      let (relayID, inserted) = relays.insert(predictedRelay.utf8)
      if inserted { relayNames.append("via " + predictedRelay) }
      found.relay = Int32(relayID)
      for fallback in comparison!.fallbackRelays(for: String(decoding: sender, as: UTF8.self)) {
        let (fallbackID, inserted) = relays.insert(fallback.utf8)
        if inserted { relayNames.append("via " + fallback) }
        found.fallbacks.append(Int32(fallbackID))
      }
    }
    expectations[id] = found
    return found
  }

  /// Whether one delivery is what the route predicts. A message that reached no server
  /// (`none`) contradicts only a prediction that it would be sent or bounced there.
  private func agrees(_ expected: ObservedComparison.Expectation, relay: Int32, event: DeliveryEvent) -> Bool {
    switch expected.outcome {
    case .relayed:
      if relay == Self.none { return event.status != .sent }
      return relay > Self.none && (relay == expected.relay || expected.fallbacks.contains(relay))
    case .direct:
      return relay == Self.direct || relay == Self.none
    case .deferred, .error:
      // An smtp error leaves no status line: the log shows the message deferred or queued.
      return event.status != .sent && event.status != .bounced
    case .bounced:
      return event.status == .bounced
    }
  }
}
