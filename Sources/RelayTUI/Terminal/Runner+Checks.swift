import RelayLive
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Runner {
  /// How the UI bounds a live check: `check`'s defaults (10 s a step, a minute in all), and
  /// `DMS_RELAY_TEST_DNS` for the tests, as `dms-relay check` reads it.
  static func checkOptions() -> CheckOptions {
    let dns = NameResolution.testServer(fromEnvironment: getenv("DMS_RELAY_TEST_DNS").map { String(cString: $0) })
    let stepTimeout = 10.0
    return CheckOptions(
      stepTimeout: stepTimeout, resolution: NameResolution(server: dns, timeoutSeconds: max(1, Int(stepTimeout / 2))))
  }

  /// Holds `request`'s checks concurrently off the UI's thread (RelayLive's async
  /// `RelayCheck.run`), sending each step and each result to `inbox`. Cancelling the
  /// returned task closes every connection at once.
  static func startChecks(_ request: CheckRequest, options: CheckOptions, inbox: RunnerInbox) -> Task<Void, Never> {
    Task.detached {
      await withTaskGroup(of: Void.self) { group in
        for (index, target) in request.targets.enumerated() {
          group.addTask {
            let run = request.run
            guard let plan = target.plan else {
              if let result = target.resultWithoutCheck {
                inbox.send(.checkFinished(run: run, index: index, result, at: clockTime()))
              }
              return
            }
            let checked = await RelayCheck.run(plan, options: options) { progress in
              if case .started(let step) = progress { inbox.send(.checkStepStarted(run: run, index: index, step)) }
            }
            inbox.send(.checkFinished(run: run, index: index, CheckResult(plan: plan, run: checked), at: clockTime()))
          }
        }
      }
    }
  }

  /// The local time now, `HH:MM:SS`, for the check markers.
  static func clockTime() -> String {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
  }
}
