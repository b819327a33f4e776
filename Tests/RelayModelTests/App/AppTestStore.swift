import Testing

@testable import RelayModel

/// TCA's `TestStore` in miniature: send one action, say how the state should change and
/// which effects come out; anything else that changed fails the test.
struct AppTestStore {
  var state: AppState

  init(_ state: AppState) { self.state = state }

  mutating func send(
    _ action: AppAction, effects expected: [AppEffect] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ update: (inout AppSnapshot) -> Void = { _ in }
  ) {
    var expectedSnapshot = AppSnapshot(state)
    update(&expectedSnapshot)
    let effects = AppReducer.reduce(into: &state, action: action)
    #expect(effects == expected, sourceLocation: sourceLocation)
    #expect(AppSnapshot(state) == expectedSnapshot, sourceLocation: sourceLocation)
  }

  mutating func send(
    _ key: Key, effects expected: [AppEffect] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ update: (inout AppSnapshot) -> Void = { _ in }
  ) {
    send(.keyPressed(key), effects: expected, sourceLocation: sourceLocation, update)
  }

  /// Types text key by key without checking each step (dialog and filter input).
  mutating func type(_ text: String) {
    for character in text { _ = AppReducer.reduce(into: &state, action: .keyPressed(.character(character))) }
  }

  /// Presses keys without checking each step.
  mutating func press(_ keys: Key...) {
    for key in keys { _ = AppReducer.reduce(into: &state, action: .keyPressed(key)) }
  }
}
