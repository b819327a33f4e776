import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `setup` and the UI's first start share: the wizard's end reported on the terminal,
/// and when to offer it.
enum WizardSession {
  /// `dms-relay setup`: runs the wizard on `loaded` (the one `Runner`, with the wizard as
  /// the app's destination); prints what was written and what to do next.
  static func run(_ loaded: LoadedConfiguration) throws -> WizardOutcome {
    var runner = Runner(state: .setup(loaded, size: UISession.initialSize), load: { loaded })
    let outcome = try runner.run().setupOutcome ?? .abandoned
    report(outcome)
    return outcome
  }

  /// Prints how the wizard ended, once the terminal is restored.
  static func report(_ outcome: WizardOutcome) {
    switch outcome {
    case .declined:
      break
    case .abandoned:
      print("dms-relay: setup abandoned; nothing was written")
    case .unchanged:
      print("Nothing to change: DMS already routes mail as asked; nothing was written.")
    case .written(let receipts, let nextSteps):
      for receipt in receipts {
        print(receipt.summary)
        for note in receipt.notes { print("note: \(note)") }
      }
      if !nextSteps.isEmpty {
        print("")
        print("Next:")
        for line in nextSteps { print("  - \(line)") }
      }
    }
  }

  /// Refuses to start curses on a pipe or file (exit 64), pointing scripts to the
  /// non-interactive form.
  static func requireTerminal() throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CLIFailure(
        "the setup wizard needs a terminal (stdin and stdout are not both a TTY); for scripts use 'dms-relay setup --non-interactive' (see 'dms-relay setup --help')",
        .usage)
    }
  }

  /// True when the configuration has no relay at all: no relay map, no sasl file, no
  /// `RELAY_HOST` or `DEFAULT_RELAY_HOST` (then the UI offers the wizard first).
  static func hasNoRelay(_ loaded: LoadedConfiguration) -> Bool {
    let configuration = loaded.configuration
    let environment = configuration.environment
    return configuration.relayMap == nil && configuration.saslPasswords == nil
      && environment["RELAY_HOST"].isEmpty && environment["DEFAULT_RELAY_HOST"].isEmpty
  }
}
