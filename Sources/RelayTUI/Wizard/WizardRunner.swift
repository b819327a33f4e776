internal import CNcurses
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wizard's event loop, like `Runner` for the App: draws the state, reads a key, sends
/// it to the wizard's `reduce(into:action:)`, performs the effects (writing) and sends
/// their results back.
///
/// The terminal is restored however the loop ends: finished, a thrown error (the `defer`),
/// or a signal (Ctrl-C, SIGTERM: the shim's handlers call `endwin` first; nothing is
/// written unless the admin confirmed).
struct WizardRunner {
  var state: WizardState
  var fileStore = FileStore()

  init(state: WizardState) { self.state = state }

  /// Runs until the wizard finishes; returns how it ended.
  mutating func run() -> WizardOutcome {
    let session = TerminalSession.start()
    defer { session.stop() }
    let attributes = session.attributes, asciiOnly = session.asciiOnly
    let keyMap = Runner.keyMap()

    var pending = reduce(into: &state, action: .resized(Runner.terminalSize()))
    while true {
      while !pending.isEmpty {
        switch pending.removeFirst() {
        case .finish(let outcome):
          return outcome
        case .write(let plan):
          draw(attributes, asciiOnly)  // shows "writing…"
          let result: Result<[FileStore.Receipt], WriteError>
          do { result = .success(try fileStore.write(plan)) } catch { result = .failure(error) }
          pending += reduce(into: &state, action: .writeFinished(result))
        }
      }
      draw(attributes, asciiOnly)
      var isFunction: Int32 = 0
      let code = dr_get_key(&isFunction)
      guard code != -1, let event = keyMap.event(code: code, isFunction: isFunction != 0) else { continue }
      switch event {
      case .resize:
        pending = reduce(into: &state, action: .resized(Runner.terminalSize()))
      case .key(.control("l")):
        dr_clear()
      case .key(let key):
        pending = reduce(into: &state, action: .keyPressed(key))
      }
    }
  }

  private func draw(_ attributes: [Style: Int32], _ asciiOnly: Bool) {
    var surface = CursesSurface(size: state.size, attributes: attributes, asciiOnly: asciiOnly)
    dr_erase()
    WizardScreen.render(state, into: &surface)
    dr_refresh()
  }
}

/// What `setup` and the UI's first start share: running the wizard and reporting its end.
enum WizardSession {
  /// Runs the wizard on `loaded`; prints what was written and what to do next.
  static func run(_ loaded: LoadedConfiguration, offering: Bool = false) -> WizardOutcome {
    var runner = WizardRunner(state: WizardState(loaded: loaded, size: Size(rows: 24, columns: 80), offering: offering))
    let outcome = runner.run()
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
    return outcome
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
