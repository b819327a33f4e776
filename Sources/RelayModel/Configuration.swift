/// Everything DMS reads to configure relaying: the four relay config files (nil when absent,
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
  /// The admin's `main.cf` and `master.cf` overrides (spec §8), nil when absent.
  public var postfixMain: PostfixMainCfFile?
  public var postfixMaster: PostfixMasterCfFile?
  /// Whether `user-patches.sh` exists: it runs after everything, so its changes are unseen.
  public var hasUserPatches: Bool
  /// Config folder files the overrides name as tables (`texthash:/tmp/docker-mailserver/NAME`,
  /// or `hash:` with its source file NAME), by NAME; a name absent here was not found.
  public var overrideTables: [String: TextDocument]

  public init(
    relayMap: RelayMapFile? = nil,
    saslPasswords: SaslPasswordFile? = nil,
    accounts: AccountsFile? = nil,
    virtual: VirtualFile? = nil,
    environment: RelayEnvironment = RelayEnvironment(),
    postfixMain: PostfixMainCfFile? = nil,
    postfixMaster: PostfixMasterCfFile? = nil,
    hasUserPatches: Bool = false,
    overrideTables: [String: TextDocument] = [:]
  ) {
    self.relayMap = relayMap
    self.saslPasswords = saslPasswords
    self.accounts = accounts
    self.virtual = virtual
    self.environment = environment
    self.postfixMain = postfixMain
    self.postfixMaster = postfixMaster
    self.hasUserPatches = hasUserPatches
    self.overrideTables = overrideTables
  }
}
