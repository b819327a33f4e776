import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

@testable import RelayLive

/// A fake submission relay on loopback, speaking enough SMTP (EHLO, STARTTLS, AUTH PLAIN
/// and LOGIN, MAIL, RCPT, DATA, QUIT) to play each failure the check must explain. It
/// records what the client did, so tests assert on what really crossed the wire.
final class FakeRelay: Sendable {
  struct Behaviour: Sendable {
    /// nil: accept the connection and never say anything.
    var greeting: String? = "220 fake.relay.test ESMTP"
    var closeAfterGreeting = false
    /// TLS from the first byte (port 465 style).
    var implicitTLS = false
    var offersStartTLS = true
    var mechanisms = ["PLAIN", "LOGIN"]
    /// AUTH is advertised only once TLS is up (as real submission services do).
    var authOnlyAfterTLS = true
    /// The one login accepted; any other gets `535 5.7.8`.
    var user = "relayuser"
    var password = "s3cret:pass"
    /// `530 5.7.0 Authentication required` to MAIL FROM without AUTH.
    var requireAuth = true
    /// A full reply line for MAIL FROM instead of 250 (a provider refusing the sender).
    var mailFromReply: String? = nil
    /// Bytes of one EHLO reply line (a relay sending a 10 MB line).
    var hugeEHLOLine: Int? = nil
  }

  /// What the client did, for assertions.
  struct Seen: Sendable, Equatable {
    var authUser: String?
    var authPassword: String?
    var mechanism: String?
    var mailFrom: String?
    var recipients: [String] = []
    var message: [String] = []
    var usedTLS = false
    var quit = false
  }

  let port: Int
  private let channel: Channel
  private let seenBox: NIOLockedValueBox<Seen>

  var seen: Seen { seenBox.withLockedValue { $0 } }

  init(_ behaviour: Behaviour, tls: NIOSSLContext?) async throws {
    let seenBox = NIOLockedValueBox(Seen())
    self.seenBox = seenBox
    channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let sync = channel.pipeline.syncOperations
          if behaviour.implicitTLS, let tls { try sync.addHandler(NIOSSLServerHandler(context: tls)) }
          try sync.addHandler(ByteToMessageHandler(SMTPLineDecoder(maximumLength: 1 << 20)))
          try sync.addHandler(FakeRelayHandler(behaviour, tls: tls, seen: seenBox))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    port = channel.localAddress!.port!
  }

  func stop() async {
    try? await channel.close().get()
  }
}

/// One fake relay connection's dialogue.
private final class FakeRelayHandler: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  let behaviour: FakeRelay.Behaviour
  let tls: NIOSSLContext?
  let seen: NIOLockedValueBox<FakeRelay.Seen>
  var tlsActive: Bool
  var authenticated = false
  var loginStage: Int?
  var loginUser = ""
  var inData = false

  init(_ behaviour: FakeRelay.Behaviour, tls: NIOSSLContext?, seen: NIOLockedValueBox<FakeRelay.Seen>) {
    self.behaviour = behaviour
    self.tls = tls
    self.seen = seen
    tlsActive = behaviour.implicitTLS
  }

  func channelActive(context: ChannelHandlerContext) {
    guard let greeting = behaviour.greeting else { return }
    send(context, greeting)
    if behaviour.closeAfterGreeting { context.close(promise: nil) }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let line = String(decoding: unwrapInboundIn(data).readableBytesView, as: UTF8.self)
    if inData {
      if line == "." {
        inData = false
        send(context, "250 2.0.0 Ok: queued as FAKE")
      } else {
        seen.withLockedValue { $0.message.append(line) }
      }
      return
    }
    if let stage = loginStage {
      let decoded = String(decoding: TestBase64.decode(line), as: UTF8.self)
      if stage == 0 {
        loginUser = decoded
        loginStage = 1
        send(context, "334 UGFzc3dvcmQ6")
      } else {
        loginStage = nil
        finishAuth(context, mechanism: "LOGIN", user: loginUser, password: decoded)
      }
      return
    }
    let upper = line.uppercased()
    if upper.hasPrefix("EHLO") {
      var lines = ["fake.relay.test"]
      if let huge = behaviour.hugeEHLOLine { lines.append(String(repeating: "X", count: huge)) }
      if behaviour.offersStartTLS && !tlsActive { lines.append("STARTTLS") }
      if !behaviour.mechanisms.isEmpty && (tlsActive || !behaviour.authOnlyAfterTLS) {
        lines.append("AUTH " + behaviour.mechanisms.joined(separator: " "))
      }
      lines.append("8BITMIME")
      send(context, lines.enumerated().map { "250\($0.offset == lines.count - 1 ? " " : "-")\($0.element)" }.joined(separator: "\r\n"))
    } else if upper == "STARTTLS", let tls {
      send(context, "220 2.0.0 Ready to start TLS")
      try! context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
      tlsActive = true
      seen.withLockedValue { $0.usedTLS = true }
    } else if upper.hasPrefix("AUTH PLAIN ") {
      let parts = TestBase64.decode(String(line.dropFirst(11))).split(separator: 0, omittingEmptySubsequences: false)
      let user = parts.count == 3 ? String(decoding: parts[1], as: UTF8.self) : ""
      let password = parts.count == 3 ? String(decoding: parts[2], as: UTF8.self) : ""
      finishAuth(context, mechanism: "PLAIN", user: user, password: password)
    } else if upper == "AUTH LOGIN" {
      loginStage = 0
      send(context, "334 VXNlcm5hbWU6")
    } else if upper.hasPrefix("MAIL FROM:") {
      let sender = String(line.dropFirst(10)).trimmingAngles()
      seen.withLockedValue { $0.mailFrom = sender }
      if behaviour.requireAuth && !authenticated {
        send(context, "530 5.7.0 Authentication required")
      } else {
        send(context, behaviour.mailFromReply ?? "250 2.1.0 Ok")
      }
    } else if upper.hasPrefix("RCPT TO:") {
      seen.withLockedValue { $0.recipients.append(String(line.dropFirst(8)).trimmingAngles()) }
      send(context, "250 2.1.5 Ok")
    } else if upper == "DATA" {
      inData = true
      send(context, "354 End data with <CR><LF>.<CR><LF>")
    } else if upper == "QUIT" {
      seen.withLockedValue { $0.quit = true }
      send(context, "221 2.0.0 Bye")
      context.close(promise: nil)
    } else {
      send(context, "502 5.5.2 Error: command not recognized")
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    context.close(promise: nil)
  }

  private func finishAuth(_ context: ChannelHandlerContext, mechanism: String, user: String, password: String) {
    seen.withLockedValue {
      $0.mechanism = mechanism
      $0.authUser = user
      $0.authPassword = password
    }
    if user == behaviour.user && password == behaviour.password {
      authenticated = true
      send(context, "235 2.7.0 Authentication successful")
    } else {
      send(context, "535 5.7.8 Error: authentication failed: authentication failure")
    }
  }

  private func send(_ context: ChannelHandlerContext, _ text: String) {
    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
  }
}

extension String {
  fileprivate func trimmingAngles() -> String {
    var text = Substring(self)
    if text.hasPrefix("<") { text = text.dropFirst() }
    if let close = text.firstIndex(of: ">") { text = text[..<close] }
    return String(text)
  }
}

/// Base64 decoding for the fake relay (the client only encodes).
enum TestBase64 {
  static func decode(_ text: String) -> [UInt8] {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    var out: [UInt8] = []
    var bits = 0
    var count = 0
    for byte in text.utf8 {
      guard let value = alphabet.firstIndex(of: byte) else { continue }
      bits = bits << 6 | value
      count += 6
      if count >= 8 {
        count -= 8
        out.append(UInt8((bits >> count) & 0xFF))
      }
    }
    return out
  }
}
