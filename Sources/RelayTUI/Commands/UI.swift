import ArgumentParser
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dms-relay` with no subcommand (or `dms-relay ui`): the terminal UI on the detected
/// configuration.
struct UI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: "Open the terminal UI on the configuration (the default command).",
    discussion: """
      Browse domains, relays, credentials and the routing preview; edit with dialogs; every \
      change stays pending (see screen 5) until you press w and confirm.
      """)

  @OptionGroup var config: ConfigOptions

  func run() throws {
    try reportingErrors {
      try UISession.requireTerminal()
      var loaded = try config.load()
      // Setup wizard hook (Sources/RelayTUI/Wizard): offered first when no relay is configured.
      if WizardSession.hasNoRelay(loaded), case .written = WizardSession.run(loaded, offering: true) {
        loaded = try config.load()
      }
      UISession.run(loaded)
    }
  }
}

/// What the `ui` and `demo` commands share: the terminal check, the first state and the
/// runner.
enum UISession {
  /// Refuses to start curses on a pipe or file, where it would garble the output.
  static func requireTerminal() throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CLIFailure(
        "the terminal UI needs an interactive terminal (stdin and stdout are not both a TTY); for scripts use 'dms-relay preview' or 'dms-relay route'",
        .usage)
    }
  }

  static func run(_ loaded: LoadedConfiguration) {
    var runner = Runner(state: .opening(loaded, size: Size(rows: 24, columns: 80)))
    let final = runner.run()
    if final.hasUnsavedChanges {
      print("dms-relay: quit with \(final.workspace.edits.count) unsaved change(s); nothing was written")
    }
    if case .written(let receipts)? = final.writeResult {
      for receipt in receipts { print(receipt.summary) }
    }
  }
}
