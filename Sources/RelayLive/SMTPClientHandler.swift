import NIOCore
import NIOSSL
import NIOTLS
import RelayModel

/// Collects the server's lines into replies and hands them to whoever waits for the next
/// one; also reports the end of a TLS handshake and keeps the conversation for
/// `--transcript`.
///
/// Its state is touched only on its channel's event loop (every method asserts that), which
/// is what makes the `@unchecked Sendable` sound: other threads only pass it back to that loop.
final class SMTPClientHandler: ChannelInboundHandler, @unchecked Sendable {
  typealias InboundIn = ByteBuffer

  /// Replies longer than this many lines are refused (a reply is a few lines; an endless
  /// `250-` stream must not grow memory either).
  static let maximumLines = 1000
  /// Transcript lines longer than this are shortened (a reply line can be 64 KiB).
  static let transcriptWidth = 500

  private let eventLoop: EventLoop
  private var partial: [String] = []
  private var partialCode = 0
  private var ready: [Result<SMTPReply, Error>] = []
  private var waiter: (promise: EventLoopPromise<SMTPReply>, timeout: Scheduled<Void>)?
  private var handshakeWaiter: (promise: EventLoopPromise<Void>, timeout: Scheduled<Void>)?
  private var handshakeCompleted = false
  /// Set once the connection is unusable; every later wait fails with it.
  private var failure: Error?
  private(set) var transcript: [TranscriptLine] = []

  init(eventLoop: EventLoop) {
    self.eventLoop = eventLoop
  }

  // MARK: waiting

  /// The next complete reply, or a failure after `timeout`.
  func nextReply(timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
    eventLoop.preconditionInEventLoop()
    if !ready.isEmpty {
      return eventLoop.makeCompletedFuture(ready.removeFirst())
    }
    if let failure { return eventLoop.makeFailedFuture(failure) }
    precondition(waiter == nil, "one reply is awaited at a time: SMTP without PIPELINING")
    let promise = eventLoop.makePromise(of: SMTPReply.self)
    let scheduled = eventLoop.scheduleTask(in: timeout) { [self] in
      if let waiter, waiter.promise.futureResult === promise.futureResult {
        self.waiter = nil
        promise.fail(SMTPClientError.timeout)
      }
    }
    waiter = (promise, scheduled)
    return promise.futureResult
  }

  /// Completes when the TLS handshake has finished, or fails with its error or after `timeout`.
  func handshake(timeout: TimeAmount) -> EventLoopFuture<Void> {
    eventLoop.preconditionInEventLoop()
    if handshakeCompleted { return eventLoop.makeSucceededVoidFuture() }
    if let failure { return eventLoop.makeFailedFuture(failure) }
    let promise = eventLoop.makePromise(of: Void.self)
    let scheduled = eventLoop.scheduleTask(in: timeout) { [self] in
      if let handshakeWaiter, handshakeWaiter.promise.futureResult === promise.futureResult {
        self.handshakeWaiter = nil
        promise.fail(SMTPClientError.timeout)
      }
    }
    handshakeWaiter = (promise, scheduled)
    return promise.futureResult
  }

  /// Adds a line the client sent (already redacted where it carries credentials).
  func note(_ line: TranscriptLine) {
    eventLoop.preconditionInEventLoop()
    transcript.append(line)
  }

  // MARK: channel events

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let line = String(decoding: unwrapInboundIn(data).readableBytesView, as: UTF8.self)
    transcript.append(TranscriptLine(.server, Self.shortened(line)))
    guard let parsed = SMTPReply.parseLine(line), partial.isEmpty || parsed.code == partialCode else {
      fail(SMTPClientError.notSMTP(String(Self.shortened(line).prefix(80))), context: context)
      return
    }
    partial.append(parsed.text)
    partialCode = parsed.code
    if partial.count > Self.maximumLines {
      fail(SMTPClientError.tooManyLines(maximum: Self.maximumLines), context: context)
      return
    }
    guard !parsed.continues else { return }
    deliver(.success(SMTPReply(code: parsed.code, lines: partial)))
    partial = []
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case TLSUserEvent.handshakeCompleted = event {
      handshakeCompleted = true
      if let handshakeWaiter {
        self.handshakeWaiter = nil
        handshakeWaiter.timeout.cancel()
        handshakeWaiter.promise.succeed()
      }
    }
    context.fireUserInboundEventTriggered(event)
  }

  func channelInactive(context: ChannelHandlerContext) {
    failWaiters(failure ?? SMTPClientError.closed)
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    fail(error, context: context)
  }

  // MARK: private

  private func deliver(_ result: Result<SMTPReply, Error>) {
    if let waiter {
      self.waiter = nil
      waiter.timeout.cancel()
      waiter.promise.completeWith(result)
    } else {
      ready.append(result)
    }
  }

  private func fail(_ error: Error, context: ChannelHandlerContext) {
    failWaiters(error)
    context.close(promise: nil)
  }

  private func failWaiters(_ error: Error) {
    if failure == nil { failure = error }
    let error = failure!
    if let waiter {
      self.waiter = nil
      waiter.timeout.cancel()
      waiter.promise.fail(error)
    }
    if let handshakeWaiter {
      self.handshakeWaiter = nil
      handshakeWaiter.timeout.cancel()
      handshakeWaiter.promise.fail(error)
    }
  }

  private static func shortened(_ line: String) -> String {
    guard line.utf8.count > transcriptWidth else { return line }
    return String(line.prefix(transcriptWidth)) + "… (\(line.utf8.count) bytes)"
  }
}
