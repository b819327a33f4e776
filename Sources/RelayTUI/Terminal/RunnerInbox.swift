import RelayModel
import Synchronization

/// Actions from work the runner started in the background (live checks, the mail log),
/// waiting for the event loop, which takes them between keys (it wakes every
/// `Runner.pollMilliseconds` to look).
///
/// Background work never touches the state: it only sends actions here, so the reducer
/// stays the one place that changes it.
final class RunnerInbox: Sendable {
  private let actions = Mutex<[AppAction]>([])

  func send(_ action: AppAction) { actions.withLock { $0.append(action) } }

  /// Everything sent since the last call, in order.
  func drain() -> [AppAction] {
    actions.withLock { pending in
      defer { pending.removeAll() }
      return pending
    }
  }
}
