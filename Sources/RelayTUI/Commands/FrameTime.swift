import ArgumentParser
import Foundation
import RelayModel

/// `dms-relay frame-time` (hidden, for `scripts/benchmark`): how long a key takes to become a
/// frame with many domains — the reducer plus drawing into an 80×24 grid. It prints and
/// asserts nothing: timings depend on the machine (issue 5 asks for under 10 ms).
struct FrameTime: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "frame-time",
    abstract: "Measure the UI's time per key on a synthetic configuration (for scripts/benchmark).",
    shouldDisplay: false)

  @Option(help: "How many managed domains the synthetic configuration has.") var domains = 100_000

  func run() {
    for line in FrameTimeMeasurement.run(domains: domains).lines { print(line) }
  }
}

/// The measurement behind `frame-time`, callable from tests on a small configuration.
enum FrameTimeMeasurement {
  struct Result {
    /// Domains the Domains screen lists (all of the configuration's).
    var domainRows: Int
    /// Whether End on Routing selected the last route, as it must.
    var endSelectsLast: Bool
    /// One line per screen measured, as printed.
    var lines: [String]
  }

  static let configDirectory = "/benchmark/docker-data/dms/config"
  static let envFile = "/benchmark/mailserver.env"

  /// DMS 13.3.1 with `RELAY_HOST`, env credentials and `domains` accounts, one of them with
  /// a relay map line of its own.
  static func configuration(domains: Int) -> LoadedConfiguration {
    var accounts = ""
    accounts.reserveCapacity(domains * 48)
    for i in 0..<domains { accounts += "user@d\(i).example|{SHA512-CRYPT}$6$x$hash\n" }
    let env = "RELAY_HOST=smtp.relay.test\nRELAY_PORT=587\nRELAY_USER=u\nRELAY_PASSWORD=p\n"
    let relayMap = "@d7.example [smtp.other.test]:587\n"
    let files: [String: [UInt8]] = [
      "\(configDirectory)/\(AccountsFile.fileName)": Array(accounts.utf8),
      "\(configDirectory)/\(RelayMapFile.fileName)": Array(relayMap.utf8),
      envFile: Array(env.utf8),
    ]
    let configuration = Configuration(
      relayMap: RelayMapFile(bytes: Array(relayMap.utf8)),
      accounts: AccountsFile(bytes: Array(accounts.utf8)),
      environment: EnvFile(bytes: Array(env.utf8)).environment(path: envFile))
    return LoadedConfiguration(
      configuration: configuration, configDirectory: configDirectory,
      envFiles: [envFile], version: try! DMSVersion.parse("13.3.1"), originals: files)
  }

  static func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }

  static func run(domains: Int) -> Result {
    let clock = ContinuousClock()
    let loaded = configuration(domains: domains)
    var state: AppState!
    // Building the state is what an edit or a version change costs (preview + rows).
    let built = clock.measure {
      state = AppState.opening(loaded, size: Size(rows: 24, columns: 80))
    }
    let keys: [Key] =
      Array(repeating: .down, count: 200) + Array(repeating: .pageDown, count: 100)
      + [.end, .home] + Array(repeating: .up, count: 10)
    var lines: [String] = []
    for tab in ["1", "4"] {
      _ = reduce(into: &state, action: .keyPressed(.character(Character(tab))))
      var worst = Duration.zero
      var total = Duration.zero
      for key in keys {
        let elapsed = clock.measure {
          _ = reduce(into: &state, action: .keyPressed(key))
          var grid = Grid(size: state.size)
          AppScreen.render(state, into: &grid)
        }
        total += elapsed
        worst = max(worst, elapsed)
      }
      let average = milliseconds(total) / Double(keys.count)
      lines.append(
        "frame time, \(domains) domains, screen \(tab): average \(String(format: "%.3f", average)) ms, worst \(String(format: "%.3f", milliseconds(worst))) ms over \(keys.count) keys (state rebuilt after an edit in \(String(format: "%.0f", milliseconds(built))) ms)"
      )
    }
    let last = state.derived.routes.count - 1
    _ = reduce(into: &state, action: .keyPressed(.end))
    return Result(
      domainRows: state.derived.domains.count, endSelectsLast: state.selectedIndex(.routing) == last, lines: lines)
  }
}
