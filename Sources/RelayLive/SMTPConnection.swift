import NIOCore
import NIOPosix
import NIOSSL
import RelayModel

/// One SMTP connection: send a command, wait for its reply, start TLS in the live pipeline.
struct SMTPConnection: Sendable {
  let channel: Channel
  let handler: SMTPClientHandler
  let certificates: CertificateRecorder
  /// The host name the address was found for (SNI and the certificate's name check).
  let hostname: String

  /// Connects to `address`; with `implicitTLS` the TLS handler is in the pipeline from the
  /// start (wrappermode), otherwise it is added by `startTLS`.
  static func connect(
    to address: NameResolution.Address, port: Int, implicitTLS: Bool, tls: NIOSSLContext,
    maximumLineLength: Int, timeout: TimeAmount
  ) async throws -> SMTPConnection {
    let certificates = CertificateRecorder()
    let hostname = address.hostname
    let socketAddress = try SocketAddress(ipAddress: address.ip, port: port)
    // Made before connecting, on the loop the channel will use: a server that greets and
    // closes at once leaves no pipeline to look the handler up in afterwards.
    let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
    let handler = SMTPClientHandler(eventLoop: eventLoop)
    let channel = try await ClientBootstrap(group: eventLoop)
      .connectTimeout(timeout)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let sync = channel.pipeline.syncOperations
          if implicitTLS { try sync.addHandler(certificates.makeHandler(context: tls, hostname: hostname)) }
          try sync.addHandler(ByteToMessageHandler(SMTPLineDecoder(maximumLength: maximumLineLength)))
          try sync.addHandler(handler)
        }
      }
      .connect(to: socketAddress).get()
    return SMTPConnection(channel: channel, handler: handler, certificates: certificates, hostname: hostname)
  }

  /// The next reply, within `timeout`.
  func reply(timeout: TimeAmount) async throws -> SMTPReply {
    let handler = handler
    return try await channel.eventLoop.flatSubmit { handler.nextReply(timeout: timeout) }.get()
  }

  /// Sends one command line; `shown` is what the transcript records instead (AUTH payloads).
  func send(_ line: String, shown: String? = nil) async throws {
    let handler = handler
    let note = TranscriptLine(.client, shown ?? line)
    channel.eventLoop.execute { handler.note(note) }
    try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
  }

  /// Sends `line` and waits for its reply.
  func command(_ line: String, shown: String? = nil, timeout: TimeAmount) async throws -> SMTPReply {
    try await send(line, shown: shown)
    return try await reply(timeout: timeout)
  }

  /// Puts TLS into the live pipeline (after the server's 220 to STARTTLS) and waits for
  /// the handshake.
  func startTLS(_ tls: NIOSSLContext, timeout: TimeAmount) async throws {
    let (certificates, hostname, channel) = (certificates, hostname, channel)
    try await channel.eventLoop.submit {
      try channel.pipeline.syncOperations.addHandler(
        certificates.makeHandler(context: tls, hostname: hostname), position: .first)
    }.get()
    try await handshake(timeout: timeout)
  }

  /// Waits for the TLS handshake (implicit TLS starts it on connect).
  func handshake(timeout: TimeAmount) async throws {
    let handler = handler
    try await channel.eventLoop.flatSubmit { handler.handshake(timeout: timeout) }.get()
  }

  func note(_ text: String) {
    let handler = handler
    channel.eventLoop.execute { handler.note(TranscriptLine(.note, text)) }
  }

  /// The conversation so far.
  func transcript() async -> [TranscriptLine] {
    let handler = handler
    return (try? await channel.eventLoop.submit { handler.transcript }.get()) ?? []
  }

  func close() async {
    try? await channel.close().get()
  }
}
