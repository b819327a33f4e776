import Foundation
import RelayLive
import RelayModel
import Synchronization

/// Reads and follows the mail log for screen 6 on a thread of its own, sending each
/// result to the runner's inbox as `AppAction.mailLogRead`.
///
/// `LogReader` and `LogFollower` block (reads, a poll every quarter second), so they get a
/// thread rather than the concurrency pool. A new read or `stop()` retires the previous
/// one through its `StopToken`; a follower notices at its next poll.
final class RunnerMailLog: Sendable {
  /// Where the log is.
  enum Source: Sendable, Hashable {
    /// `--mail-log FILE …`, oldest first.
    case files([String])
    /// DMS's `mail-logs` folder beside the config folder, with its rotations.
    case folder(String)
  }

  /// Set once to end a reader.
  final class StopToken: Sendable {
    private let stopped = Mutex(false)
    var isStopped: Bool { stopped.withLock { $0 } }
    func stop() { stopped.withLock { $0 = true } }
  }

  let source: Source
  let inbox: RunnerInbox
  private let current = Mutex<StopToken?>(nil)

  init(source: Source, inbox: RunnerInbox) {
    self.source = source
    self.inbox = inbox
  }

  /// Reads the whole log (and with `follow`, keeps reading as it grows), comparing each
  /// sender's mail with `comparison`.
  func start(_ comparison: ObservedComparison?, follow: Bool) {
    let token = StopToken()
    current.withLock {
      $0?.stop()
      $0 = token
    }
    let source = self.source, inbox = self.inbox
    Thread.detachNewThread {
      Self.read(source, comparison: comparison, follow: follow, token: token, inbox: inbox)
    }
  }

  func stop() {
    current.withLock {
      $0?.stop()
      $0 = nil
    }
  }

  static func read(_ source: Source, comparison: ObservedComparison?, follow: Bool, token: StopToken, inbox: RunnerInbox) {
    let paths: [String]
    switch source {
    case .files(let files): paths = files
    case .folder(let folder):
      paths = MailLogFiles.rotations(in: folder)
      if paths.isEmpty { return inbox.send(.mailLogRead(.failure(.missing(searched: folder + "/mail.log")))) }
    }
    let collector = MailLogCollector(
      comparison: comparison, source: paths.count == 1 ? paths[0] : "\(paths.last!) and \(paths.count - 1) rotation(s)")
    do {
      for path in follow ? Array(paths.dropLast()) : paths {
        try LogReader.read(path) { collector.consume($0) }
        if token.isStopped { return }
      }
      guard follow, let last = paths.last else {
        // A read retired by a newer one (f pressed meanwhile) must not overwrite its news.
        if !token.isStopped { inbox.send(.mailLogRead(.success(collector.finished()))) }
        return
      }
      var sent = false
      try LogFollower(path: last).follow(
        until: {
          if token.isStopped { return true }
          if collector.isDirty || !sent { inbox.send(.mailLogRead(.success(collector.snapshot()))) }
          sent = true
          return false
        },
        onReplaced: { collector.dropPartialLine() },
        { collector.consume($0) })
    } catch let error as LogReadError {
      if !token.isStopped { inbox.send(.mailLogRead(.failure(.unreadable(error.description)))) }
    } catch {
      if !token.isStopped { inbox.send(.mailLogRead(.failure(.unreadable("cannot read the mail log: \(error)")))) }
    }
  }
}
