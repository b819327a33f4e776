/// When DMS runs its relay scripts (spec §3, "Change detection").
public enum GenerationPath: String, Sendable, Codable, CaseIterable {
  /// Container start.
  case startup
  /// A change-detection event after a config file was edited in the running container.
  case change
}
