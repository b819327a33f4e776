import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import RelayModel

#if canImport(Glibc)
  import Glibc
#endif

/// One live relay check: the SMTP session Postfix's smtp client would hold for a plan's
/// sender, step by step, stopping at the first failing step.
///
/// Call `RelayCheck.run(plan)` from any task; cancelling the task closes the connection
/// and ends the check with `.cancelled` at once. Every wait is bounded by the step timeout,
/// clipped to what is left of the overall timeout.
public struct RelayCheck: Sendable {
  public let plan: CheckPlan
  public let options: CheckOptions
  let progress: @Sendable (CheckProgress) -> Void

  /// Runs the check for `plan`, reporting each step to `progress` as it starts and ends.
  public static func run(
    _ plan: CheckPlan, options: CheckOptions = CheckOptions(),
    progress: @escaping @Sendable (CheckProgress) -> Void = { _ in }
  ) async -> CheckRun {
    await RelayCheck(plan: plan, options: options, progress: progress).run()
  }

  /// Thrown inside `run` to stop at a failed step (already recorded).
  struct Stop: Error {
    let failure: CheckFailure
  }

  /// The steps so far and the connection to close when the check ends or is cancelled.
  final class Session: @unchecked Sendable {
    // Guarded by `lock`: the cancellation handler runs on another thread.
    private let lock = NIOLock()
    private var _connection: SMTPConnection?
    private var _cancelled = false
    var run = CheckRun()
    /// The step under way and when it began (for a check cut short by time or Esc).
    var current: (name: CheckStepName, started: NIODeadline)?
    let started = NIODeadline.now()
    let deadline: NIODeadline

    init(overall: Double) {
      deadline = started + .nanoseconds(Int64(overall * 1e9))
    }

    var connection: SMTPConnection? {
      get { lock.withLock { _connection } }
      set { lock.withLock { _connection = newValue } }
    }

    var isCancelled: Bool { lock.withLock { _cancelled } }

    func cancel() {
      let connection = lock.withLock {
        _cancelled = true
        return _connection
      }
      if let connection { connection.channel.close(promise: nil) }
    }
  }

  func run() async -> CheckRun {
    let session = Session(overall: options.overallTimeout)
    await withTaskCancellationHandler {
      do {
        try await steps(session)
      } catch let stop as Stop {
        session.run.failure = session.isCancelled ? .cancelled : stop.failure
      } catch {
        session.run.failure = session.isCancelled ? .cancelled : .closed(step: session.current?.name ?? .connect)
      }
      // Cut short by the overall time or a cancel: the step under way is the failed one.
      if let failure = session.run.failure, failure == .overallTimeout || failure == .cancelled,
        let current = session.current, session.run.steps.last?.ok != false
      {
        let reply = failure == .cancelled ? "cancelled" : "the check ran out of its overall time"
        record(session, current.name, ok: false, reply: reply, since: current.started)
      }
      if let connection = session.connection {
        if session.run.failure != nil, connection.channel.isActive {
          // Polite end after a refusal; its reply is not a step.
          _ = try? await connection.command("QUIT", timeout: .seconds(1))
        }
        session.run.transcript = await connection.transcript()
        await connection.close()
      }
    } onCancel: {
      session.cancel()
    }
    return redacted(session.run)
  }

  /// The run with the password, and the base64 forms the client sent, replaced by
  /// `<redacted>` wherever a server echoed them into a reply.
  func redacted(_ run: CheckRun) -> CheckRun {
    guard let credentials = plan.credentials, !credentials.password.isEmpty else { return run }
    let user = Array(credentials.user.utf8)
    let password = Array(credentials.password.utf8)
    let secrets = [
      credentials.password, Base64.encode(password), Base64.encode([0] + user + [0] + password),
    ].filter { !$0.isEmpty }
    func scrub(_ text: String) -> String {
      secrets.reduce(text) { text, secret in text.replacing(secret, with: "<redacted>") }
    }
    var run = run
    run.steps = run.steps.map { step in
      var step = step
      step.reply = scrub(step.reply)
      return step
    }
    run.transcript = run.transcript.map { TranscriptLine($0.direction, scrub($0.text)) }
    return run
  }

  // MARK: the steps

  private func steps(_ session: Session) async throws {
    let addresses = try await resolve(session)
    let tls = try CertificateRecorder.makeContext()
    let connection = try await connect(session, addresses: addresses, tls: tls)
    session.connection = connection
    if session.isCancelled { throw Stop(failure: .cancelled) }

    if plan.wrapperMode {
      try await step(session, .starttls) {
        try await connection.handshake(timeout: timeout(session))
        connection.note("TLS started (wrappermode)")
        return (true, "implicit TLS (smtp_tls_wrappermode = yes)", nil)
      }
      try certificate(session, connection)
    }
    try await step(session, .greeting) {
      let reply = try await connection.reply(timeout: timeout(session))
      return (reply.code == 220, reply.wire, reply)
    }
    var ehlo = try await self.ehlo(session, connection)
    if !plan.wrapperMode, plan.tlsLevel.usesTLS {
      if ehlo.offers("STARTTLS") {
        let started = try await step(session, .starttls) {
          let reply = try await connection.command("STARTTLS", timeout: timeout(session))
          // At `may` a refused STARTTLS is not fatal: Postfix goes on in plaintext.
          guard reply.code == 220 else { return (!plan.tlsLevel.requiresTLS, reply.wire, reply) }
          try await connection.startTLS(tls, timeout: timeout(session))
          connection.note("TLS started")
          return (true, reply.wire, reply)
        }
        if started.code == 220 {
          try certificate(session, connection)
          ehlo = try await self.ehlo(session, connection)
        }
      } else {
        record(
          session, .starttls, ok: !plan.tlsLevel.requiresTLS,
          reply: "STARTTLS not offered"
            + (plan.tlsLevel.requiresTLS ? "" : "; TLS level '\(plan.tlsLevel.rawValue)' goes on without TLS"),
          since: .now())
        if plan.tlsLevel.requiresTLS { throw Stop(failure: .noStartTLS) }
      }
    }
    try await authenticate(session, connection, ehlo: ehlo)
    try await step(session, .mailFrom) {
      let reply = try await connection.command("MAIL FROM:<\(plan.sender)>", timeout: timeout(session))
      return (reply.code == 250, reply.wire, reply)
    }
    if let recipient = plan.sendTo { try await sendTestMessage(session, connection, to: recipient) }
    try await step(session, .quit) {
      let reply = try? await connection.command("QUIT", timeout: timeout(session))
      return (true, reply?.wire ?? "connection closed", nil)
    }
  }

  private func resolve(_ session: Session) async throws -> [NameResolution.Address] {
    let started = NIODeadline.now()
    begin(session, .resolve)
    let (hop, resolution) = (plan.nexthop, options.resolution)
    do {
      let addresses = try await NIOThreadPool.singleton.runIfActive { try resolution.addresses(for: hop) }
      let names = addresses.map { $0.hostname == $0.ip ? $0.ip : "\($0.hostname)[\($0.ip)]" }
      record(session, .resolve, ok: true, reply: names.joined(separator: ", "), since: started)
      return addresses
    } catch let failure as NameResolution.Failure {
      switch failure {
      case .notFound(let detail):
        record(session, .resolve, ok: false, reply: detail, since: started)
        throw Stop(failure: .unresolvable(host: hop.host, detail: detail))
      case .temporary(let detail):
        record(session, .resolve, ok: false, reply: detail, since: started)
        throw Stop(failure: .dnsTemporary(host: hop.host, detail: detail))
      }
    }
  }

  private func connect(_ session: Session, addresses: [NameResolution.Address], tls: NIOSSLContext) async throws
    -> SMTPConnection
  {
    let started = NIODeadline.now()
    begin(session, .connect)
    var refused: [String] = []
    var timedOut: [String] = []
    var other: [String] = []
    for address in addresses {
      let shown = address.ip.contains(":") ? "[\(address.ip)]:\(plan.nexthop.port)" : "\(address.ip):\(plan.nexthop.port)"
      if session.isCancelled { throw Stop(failure: .cancelled) }
      do {
        let connection = try await SMTPConnection.connect(
          to: address, port: plan.nexthop.port, implicitTLS: plan.wrapperMode, tls: tls,
          maximumLineLength: options.maximumLineLength, timeout: try timeout(session))
        connection.note("connected to \(address.hostname)[\(address.ip)]:\(plan.nexthop.port)")
        record(session, .connect, ok: true, reply: "connected to \(shown)", since: started)
        return connection
      } catch let stop as Stop {
        throw stop
      } catch {
        switch ConnectError(error) {
        case .refused: refused.append(shown)
        case .timeout: timedOut.append(shown)
        case .other(let text): other.append("\(shown): \(text)")
        }
      }
    }
    let failure: CheckFailure =
      !timedOut.isEmpty
      ? .connectTimeout(addresses: timedOut)
      : other.isEmpty ? .connectionRefused(addresses: refused) : .connectFailed(detail: other.joined(separator: "; "))
    let reply =
      (refused.map { "\($0): connection refused" } + timedOut.map { "\($0): no answer" } + other)
      .joined(separator: "; ")
    record(session, .connect, ok: false, reply: reply, since: started)
    throw Stop(failure: failure)
  }

  private func ehlo(_ session: Session, _ connection: SMTPConnection) async throws -> SMTPReply {
    try await step(session, .ehlo) {
      let reply = try await connection.command("EHLO \(options.heloName)", timeout: timeout(session))
      return (reply.code == 250, reply.wire, reply)
    }
  }

  /// The `certificate` step: reported at every level, failing only where the level
  /// requires verification.
  private func certificate(_ session: Session, _ connection: SMTPConnection) throws {
    guard let summary = connection.certificates.summary(checkedName: connection.hostname) else { return }
    session.run.certificate = summary
    let ok = !plan.tlsLevel.requiresVerification || summary.verifies
    record(session, .certificate, ok: ok, reply: summary.text, since: .now())
    if !ok { throw Stop(failure: .certificate(summary)) }
  }

  // MARK: step bookkeeping

  /// Runs one step: `body` returns whether it passed, the text to report and the reply.
  /// A failed step stops the check with the failure its reply (or error) means.
  @discardableResult
  func step(
    _ session: Session, _ name: CheckStepName, _ body: () async throws -> (Bool, String, SMTPReply?)
  ) async throws -> SMTPReply {
    let started = NIODeadline.now()
    begin(session, name)
    do {
      let (ok, text, reply) = try await body()
      record(session, name, ok: ok, reply: text, since: started)
      if !ok {
        throw Stop(failure: reply.map { .rejected(step: name, code: $0.code, text: $0.text) } ?? .closed(step: name))
      }
      return reply ?? SMTPReply(code: 0, lines: [])
    } catch let stop as Stop {
      throw stop
    } catch {
      let failure = session.isCancelled ? .cancelled : Self.failure(for: error, at: name)
      record(session, name, ok: false, reply: Self.describe(error), since: started)
      throw Stop(failure: failure)
    }
  }

  /// Marks `name` as the step under way and reports it.
  func begin(_ session: Session, _ name: CheckStepName) {
    session.current = (name, .now())
    progress(.started(name))
  }

  func record(_ session: Session, _ name: CheckStepName, ok: Bool, reply: String, since started: NIODeadline) {
    let milliseconds = Int((NIODeadline.now() - started).nanoseconds / 1_000_000)
    let step = CheckStep(name, ok: ok, reply: reply, milliseconds: milliseconds)
    session.run.steps.append(step)
    progress(.finished(step))
  }

  /// The step's time: the step timeout, or what is left of the overall time if less.
  func timeout(_ session: Session) throws -> TimeAmount {
    let left = session.deadline - .now()
    guard left > .zero else { throw Stop(failure: .overallTimeout) }
    return min(.nanoseconds(Int64(options.stepTimeout * 1e9)), left)
  }
}
