extension ContainerDrift {
  /// The value `key` should have in the running container: the admin's `postfix-main.cf`
  /// value when it set one (or nothing at all when its line without `=` emptied `main.cf`),
  /// else what the relay setup writes (spec §8).
  static func expectedSetting(_ key: String, state: GeneratedState, composed: PostfixSettings) -> String {
    if composed.emptiedBy != nil { return "" }
    if case .override = composed.values[key]?.source { return composed.raw(key) ?? "" }
    return state.setting(key) ?? ""
  }

  /// Whether `postfix-main.cf` sets `key` (then it is compared even where DMS sets nothing).
  static func isOverridden(_ key: String, _ composed: PostfixSettings) -> Bool {
    if case .override = composed.values[key]?.source { return true }
    return false
  }
}
