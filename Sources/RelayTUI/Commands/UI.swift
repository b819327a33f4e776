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
  @OptionGroup var mailLog: MailLogOption
  @Flag(name: .customLong("read-only"), help: "Look without any risk of writing: every edit key is refused.")
  var readOnly = false
  @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (also DMS_RELAY_NO_MOUSE=1).")
  var noMouse = false

  func run() throws {
    try reportingErrors {
      try UISession.requireTerminal()
      let loaded = try config.loadExisting()
      // The setup wizard is offered first when no relay is configured; after it writes, the
      // runner reads the files again (`.reload`).
      let config = self.config
      try UISession.run(
        .opening(
          loaded, size: UISession.initialSize, offeringSetup: WizardSession.hasNoRelay(loaded), readOnly: readOnly),
        mailLog: mailLog.source, load: { try config.load() }, mouse: !noMouse && Runner.mouseAllowed())
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

  /// Until the first resize tells the real one.
  static let initialSize = Size(rows: 24, columns: 80)

  /// Runs the UI from `state`; prints how the wizard ended (when it ran), then what the
  /// session left unsaved or wrote.
  static func run(
    _ state: AppState, mailLog: RunnerMailLog.Source? = nil, load: @escaping () throws -> LoadedConfiguration,
    mouse: Bool = Runner.mouseAllowed()
  ) throws {
    var runner = Runner(state: state, mailLog: mailLog, load: load, mouse: mouse)
    let final = try runner.run()
    if let outcome = final.setupOutcome { WizardSession.report(outcome) }
    if final.hasUnsavedChanges {
      print("dms-relay: quit with \(final.workspace.edits.count) unsaved change(s); nothing was written")
    }
    if case .written(let receipts)? = final.writeResult {
      for receipt in receipts { print(receipt.summary) }
    }
  }
}

/// `--mail-log FILE`: the log screen 6 reads instead of DMS's mounted one.
struct MailLogOption: ParsableArguments {
  @Option(
    name: .customLong("mail-log"),
    help: ArgumentHelp(
      "A mail log for screen 6 (repeat for rotations, oldest first); default: mail-logs/mail.log beside the config folder.",
      valueName: "file"))
  var files: [String] = []

  func validate() throws {
    if files.contains("-") {
      throw ValidationError("the terminal UI reads keys from standard input; give --mail-log a file, or use 'dms-relay log -'")
    }
  }

  var source: RunnerMailLog.Source? { files.isEmpty ? nil : .files(files) }
}
