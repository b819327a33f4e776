@testable import RelayModel

/// In-memory configurations and key helpers for the wizard's reducer tests.
enum WizardFixture {
  static let configDirectory = "/cfg"
  static let envFile = "/m.env"

  /// Accounts in a.test, b.test and c.test; an env file without relay settings.
  static func loaded(version: String? = "13.3.1", env: String = "ONE=1\n") -> LoadedConfiguration {
    let accounts = "u@a.test|{SHA512-CRYPT}x\nu@b.test|{SHA512-CRYPT}x\nu@c.test|{SHA512-CRYPT}x\n"
    let configuration = Configuration(
      accounts: AccountsFile(bytes: Array(accounts.utf8)),
      environment: EnvFile(bytes: Array(env.utf8)).environment(path: envFile))
    return LoadedConfiguration(
      configuration: configuration, configDirectory: configDirectory, envFiles: [envFile],
      version: version.map { try! DMSVersion.parse($0) }, versionSource: version == nil ? nil : .commandLine,
      originals: [
        envFile: Array(env.utf8), "\(configDirectory)/postfix-accounts.cf": Array(accounts.utf8),
      ])
  }

  static func state(version: String? = "13.3.1", offering: Bool = false) -> WizardStore {
    WizardStore(loaded: loaded(version: version), size: Size(rows: 24, columns: 80), offering: offering)
  }
}

/// The wizard as the app runs it: an `AppTestStore` whose destination is the wizard
/// (`dms-relay setup`, or the offer on first start). Keys go through `AppReducer`; the
/// wizard's state is read through dynamic members (`store.step`, `store.currentGroup`).
@dynamicMemberLookup
struct WizardStore {
  var store: AppTestStore

  init(loaded: LoadedConfiguration, size: Size, offering: Bool = false) {
    store = AppTestStore(
      offering ? AppState.opening(loaded, size: size, offeringSetup: true) : AppState.setup(loaded, size: size))
  }

  var app: AppState { store.state }

  /// The wizard's state; fails the test when the wizard is closed.
  var wizard: WizardState {
    guard case .wizard(let wizard)? = store.state.destination else {
      preconditionFailure("the wizard is not open (destination: \(String(describing: store.state.destination)))")
    }
    return wizard
  }

  subscript<Value>(dynamicMember keyPath: KeyPath<WizardState, Value>) -> Value { wizard[keyPath: keyPath] }

  func problem(_ id: DialogField.Name) -> String? { wizard.problem(id) }
  var setupOutcome: WizardOutcome? { store.state.setupOutcome }

  /// Sends keys; returns the effects of the last one.
  @discardableResult
  mutating func press(_ keys: Key...) -> [AppEffect] {
    var effects: [AppEffect] = []
    for key in keys { effects = AppReducer.reduce(into: &store.state, action: .keyPressed(key)) }
    return effects
  }

  /// Sends an action (a write's result) through the app.
  @discardableResult
  mutating func send(_ action: AppAction) -> [AppEffect] { AppReducer.reduce(into: &store.state, action: action) }

  mutating func type(_ text: String) {
    for character in text { press(.character(character)) }
  }

  /// From the folder step to the credentials step of "goal" with SendGrid.
  mutating func walkToCredentials(goal: WizardGoal, version: Int = 0) {
    press(.enter)  // folder → version
    for _ in 0..<version { press(.down) }
    press(.enter)  // version → goal
    for _ in 0..<goal.rawValue { press(.down) }
    press(.enter)  // goal → provider (SendGrid)
    press(.enter)  // provider → credentials
  }
}
