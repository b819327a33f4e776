/// One thing the running container has not applied yet, and how to apply it.
public struct DriftItem: Hashable, Sendable {
  public enum Kind: String, Sendable, Codable { case table, setting, version }
  public var kind: Kind
  /// `/etc/postfix/relayhost_map`, a `main.cf` key, or `DMS_RELEASE`.
  public var name: String
  /// What differs, without secrets.
  public var detail: String
  /// The command or event that applies it (change detection, restart, recreate).
  public var howToApply: String
}
