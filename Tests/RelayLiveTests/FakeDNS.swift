import NIOCore
import NIOPosix

/// A tiny authoritative DNS server on a loopback UDP port, so the check's MX and A
/// lookups (libresolv, pointed here the way `DMS_RELAY_TEST_DNS` points the CLI) resolve
/// test names to the fake relays. Known names without the asked type get NODATA; unknown
/// names get NXDOMAIN.
final class FakeDNS: Sendable {
  let port: Int
  private let channel: Channel

  init(a: [String: String], mx: [String: [(Int, String)]]) async throws {
    let a = Dictionary(uniqueKeysWithValues: a.map { ($0.key.lowercased(), $0.value) })
    let mx = Dictionary(uniqueKeysWithValues: mx.map { ($0.key.lowercased(), $0.value.map { Pair(preference: $0.0, host: $0.1) }) })
    channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(FakeDNSHandler(a: a, mx: mx))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    port = channel.localAddress!.port!
  }

  func stop() async {
    try? await channel.close().get()
  }

  struct Pair: Sendable {
    var preference: Int
    var host: String
  }
}

private final class FakeDNSHandler: ChannelInboundHandler, Sendable {
  typealias InboundIn = AddressedEnvelope<ByteBuffer>
  typealias OutboundOut = AddressedEnvelope<ByteBuffer>

  let a: [String: String]
  let mx: [String: [FakeDNS.Pair]]

  init(a: [String: String], mx: [String: [FakeDNS.Pair]]) {
    self.a = a
    self.mx = mx
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let envelope = unwrapInboundIn(data)
    let query = Array(envelope.data.readableBytesView)
    guard query.count > 12, let reply = answer(query) else { return }
    let out = AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(bytes: reply))
    context.writeAndFlush(wrapOutboundOut(out), promise: nil)
  }

  func answer(_ query: [UInt8]) -> [UInt8]? {
    var labels: [String] = []
    var offset = 12
    while offset < query.count, query[offset] != 0 {
      let length = Int(query[offset])
      guard offset + 1 + length <= query.count else { return nil }
      labels.append(String(decoding: query[(offset + 1)...(offset + length)], as: UTF8.self))
      offset += 1 + length
    }
    guard offset + 5 <= query.count else { return nil }
    let type = Int(query[offset + 1]) << 8 | Int(query[offset + 2])
    let questionEnd = offset + 5
    let name = labels.joined(separator: ".").lowercased()
    var answers: [[UInt8]] = []
    var rcode: UInt8 = 0
    if let ip = a[name] {
      if type == 1 { answers.append(record(type: 1, data: ip.split(separator: ".").map { UInt8($0)! })) }
    } else if let exchangers = mx[name] {
      if type == 15 {
        for exchanger in exchangers {
          answers.append(
            record(
              type: 15, data: [UInt8(exchanger.preference >> 8), UInt8(exchanger.preference & 0xFF)] + encode(exchanger.host)))
        }
      }
    } else {
      rcode = 3
    }
    var reply = Array(query[0..<2]) + [0x81 | (query[2] & 0x01), 0x80 | rcode, 0, 1, 0, UInt8(answers.count), 0, 0, 0, 0]
    reply += query[12..<questionEnd]
    for answer in answers { reply += answer }
    return reply
  }

  private func record(type: Int, data: [UInt8]) -> [UInt8] {
    [0xC0, 0x0C, 0, UInt8(type), 0, 1, 0, 0, 0, 60, UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
  }

  private func encode(_ host: String) -> [UInt8] {
    host.split(separator: ".").flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
  }
}
