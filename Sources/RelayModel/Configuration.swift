/// Everything DMS reads to configure relaying: the four config files (nil when absent,
/// which DMS distinguishes from empty) and the container environment.
public struct Configuration: Hashable, Sendable {
  public var relayMap: RelayMapFile?
  public var saslPasswords: SaslPasswordFile?
  public var accounts: AccountsFile?
  public var virtual: VirtualFile?
  public var environment: RelayEnvironment
  /// The environment's `VAR__FILE` variables and their host files, which DMS 15.1+ reads
  /// into `VAR` at start (spec §10); `environment(for:path:)` applies them.
  public var fileSecrets: [FileSecret] = []

  public init(
    relayMap: RelayMapFile? = nil,
    saslPasswords: SaslPasswordFile? = nil,
    accounts: AccountsFile? = nil,
    virtual: VirtualFile? = nil,
    environment: RelayEnvironment = RelayEnvironment()
  ) {
    self.relayMap = relayMap
    self.saslPasswords = saslPasswords
    self.accounts = accounts
    self.virtual = virtual
    self.environment = environment
  }
}
