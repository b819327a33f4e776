extension LoadedConfiguration {
  /// The file a plan step changes, with the env file's path (or compose's `environment:`)
  /// for env steps, so the admin sees exactly where each change lands.
  public func fileLabel(for step: PlanStep) -> String {
    guard step.isEnvironmentChange, let edit = step.edit else { return step.fileName }
    let key: String
    switch edit {
    case .setEnv(let k, _), .unsetEnv(let k): key = k
    default: return step.fileName
    }
    switch envLocation(for: key) {
    case .envFile(let path): return path
    case .composeInline(let file, _): return "\(file) environment:"
    case .none: return "env file"
    }
  }
}
