@testable import RelayModel

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
