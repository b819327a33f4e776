internal import CNcurses
import RelayLive
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one event loop, for the UI and the setup wizard alike (the wizard is a child of
/// the app's state): draws the state, reads a key, sends it to `AppReducer`, performs the
/// effects it returns and sends their results back as actions.
///
/// Slow work (live checks, reading the mail log) runs in the background and reports back
/// through `inbox`; the key read waits at most `pollMilliseconds`, so progress shows while
/// keys still work (Esc cancels a check).
///
/// The terminal is restored however the loop ends: `quit`, a thrown error (the `defer`),
/// or a signal (Ctrl-C, SIGTERM, a crash: handlers in the shim call `endwin` first; nothing
/// is written unless the admin confirmed).
struct Runner {
  var state: AppState
  var fileStore = FileStore()
  /// Reads the configuration again, for `.reload` (after the wizard wrote it).
  let load: () throws -> LoadedConfiguration
  /// Results of background work (live checks, the mail log) waiting for the loop.
  let inbox = RunnerInbox()
  /// The live checks under way, and their run number.
  var checkTask: (run: Int, task: Task<Void, Never>)?
  /// Screen 6's mail log reader.
  let mailLog: RunnerMailLog

  /// How long a key read waits before the loop looks at `inbox` (a tenth of a second:
  /// progress shows promptly, an idle UI costs nothing noticeable).
  static let pollMilliseconds: Int32 = 100

  /// Clicks and the wheel (`--no-mouse` or `DMS_RELAY_NO_MOUSE` turn them off).
  var mouse: Bool

  /// `mailLog`: where screen 6 reads the log; by default DMS's `mail-logs` folder beside
  /// the config folder, as `dms-relay log` reads it.
  init(
    state: AppState, mailLog: RunnerMailLog.Source? = nil, load: @escaping () throws -> LoadedConfiguration,
    mouse: Bool = Runner.mouseAllowed()
  ) {
    self.state = state
    self.load = load
    self.mouse = mouse
    let folder = MailLogFiles.folder(
      besideConfig: state.workspace.configDirectory ?? ConfigurationSource.defaultConfigDirectory)
    self.mailLog = RunnerMailLog(source: mailLog ?? .folder(folder), inbox: inbox)
  }

  /// False when `DMS_RELAY_NO_MOUSE` is set to anything but "" or "0".
  static func mouseAllowed() -> Bool {
    guard let value = getenv("DMS_RELAY_NO_MOUSE") else { return true }
    let text = String(cString: value)
    return text.isEmpty || text == "0"
  }

  /// Runs until the admin quits or `setup` ends; returns the final state. Throws when the
  /// configuration cannot be read again.
  mutating func run() throws -> AppState {
    let session = TerminalSession.start()
    defer {
      stopBackgroundWork()
      session.stop()
    }
    let attributes = session.attributes, asciiOnly = session.asciiOnly
    let keyMap = Self.keyMap()
    let checkOptions = Self.checkOptions()
    dr_timeout(Self.pollMilliseconds)
    let mouseCode = dr_key_mouse()
    dr_mouse(mouse ? 1 : 0)

    var pending = AppReducer.reduce(into: &state, action: .resized(Self.terminalSize()))
    var needsDraw = true
    while true {
      while !pending.isEmpty {
        needsDraw = true
        switch pending.removeFirst() {
        case .quit:
          return state
        case .reload:
          pending += AppReducer.reduce(into: &state, action: .reloaded(try load()))
        case .write(let plan):
          draw(attributes, asciiOnly)  // shows "writing…" while the files are written
          let result: Result<[FileStore.Receipt], WriteError>
          do { result = .success(try fileStore.write(plan)) } catch { result = .failure(error) }
          pending += AppReducer.reduce(into: &state, action: .writeFinished(result))
        case .check(let request):
          checkTask?.task.cancel()
          checkTask = (request.run, Self.startChecks(request, options: checkOptions, inbox: inbox))
        case .cancelCheck(let run):
          if let running = checkTask, running.run == run {
            running.task.cancel()
            checkTask = nil
          }
        case .readMailLog:
          mailLog.start(observedComparison(), follow: false)
        case .followMailLog:
          mailLog.start(observedComparison(), follow: true)
        case .stopFollowingMailLog:
          mailLog.stop()
        case .redrawScreen:
          dr_clear()
        case .readSecretFiles(let paths):
          let loaded = state.workspace.loaded
          let contents = FileSecret.read(paths, compose: loaded.compose, configDirectory: loaded.configDirectory)
          pending += AppReducer.reduce(into: &state, action: .secretFilesRead(contents))
        }
      }
      if needsDraw { draw(attributes, asciiOnly) }
      needsDraw = false
      var isFunction: Int32 = 0
      let code = dr_get_key(&isFunction)
      for action in inbox.drain() {
        pending += AppReducer.reduce(into: &state, action: action)
        needsDraw = true
      }
      if mouse, isFunction != 0, code == mouseCode {
        var row: Int32 = 0, column: Int32 = 0
        let event: MouseMap.Event?
        switch dr_get_mouse(&row, &column) {
        case 1: event = .click(Point(row: Int(row), column: Int(column)))
        case 4: event = .wheelUp
        case 5: event = .wheelDown
        default: event = nil
        }
        if let event {
          for action in MouseMap.actions(event, state: state) { pending += AppReducer.reduce(into: &state, action: action) }
        }
        needsDraw = true
        continue
      }
      guard code != -1, let event = keyMap.event(code: code, isFunction: isFunction != 0) else { continue }
      needsDraw = true
      switch event {
      case .resize:
        pending += AppReducer.reduce(into: &state, action: .resized(Self.terminalSize()))
      case .key(let key):
        pending += AppReducer.reduce(into: &state, action: .keyPressed(key))
      }
    }
  }

  /// Cancels what runs in the background when the UI ends, however it ends.
  private func stopBackgroundWork() {
    checkTask?.task.cancel()
    mailLog.stop()
  }

  /// What the log is held against: the routes of the files as saved (what the container
  /// can be running), on the previewed version, as `dms-relay log` compares.
  func observedComparison() -> ObservedComparison {
    let saved = state.workspace.loaded.configuration.resolvingFileSecrets(for: state.version)
    let generated = Generator.generate(saved, family: state.version.family)
    return ObservedComparison(router: Router(state: generated, configuration: saved), environment: saved.environment)
  }

  private func draw(_ attributes: [Style: Int32], _ asciiOnly: Bool) {
    var surface = CursesSurface(size: state.size, attributes: attributes, asciiOnly: asciiOnly)
    dr_erase()
    AppScreen.render(state, into: &surface)
    dr_refresh()
  }

  /// F1 to F12.
  static let functionKeyCount = 12

  static func terminalSize() -> Size { Size(rows: Int(dr_lines()), columns: Int(dr_cols())) }

  /// The curses key codes, read through the shim.
  static func keyMap() -> KeyMap {
    var keys: [Int32: Key] = [
      dr_key_up(): .up, dr_key_down(): .down, dr_key_left(): .left, dr_key_right(): .right,
      dr_key_home(): .home, dr_key_end(): .end, dr_key_ppage(): .pageUp, dr_key_npage(): .pageDown,
      dr_key_backspace(): .backspace, dr_key_dc(): .delete, dr_key_btab(): .backTab, dr_key_enter(): .enter,
    ]
    for n in 1...functionKeyCount { keys[dr_key_f(Int32(n))] = .function(n) }
    return KeyMap(functionKeys: keys, resizeCode: dr_key_resize())
  }
}
