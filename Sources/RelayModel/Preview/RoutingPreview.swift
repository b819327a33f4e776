/// Everything the Routing screen and `preview` show for one configuration on one DMS
/// version: the generated Postfix state, the route of every known sender, and diagnostics.
public struct RoutingPreview: Sendable {
  public var version: DMSVersion
  public var state: GeneratedState
  public var senders: KnownSenders
  /// One route per known domain (sender `@domain`: any address there without its own entry),
  /// then one per individually keyed address, then the null sender `<>` (bounces, spec §11).
  public var routes: [Route]
  public var diagnostics: [Diagnostic]
  public let router: Router

  public init(configuration: Configuration, version: DMSVersion, path: GenerationPath = .startup) {
    self.version = version
    // What DMS reads from `__FILE` variables on this version and path (spec §10).
    let configuration = configuration.resolvingFileSecrets(for: version, path: path)
    // The generated state and the known senders do not depend on each other.
    let (state, senders) = Parallel.both(
      { Generator.generate(configuration, family: version.family, path: path) },
      { KnownSenders(configuration) })
    self.state = state
    let router = Router(state: state, configuration: configuration)
    self.router = router
    self.senders = senders
    let domains = senders.domains
    let addresses = senders.addresses
    // The domains' own keys looked up in blocks (cache misses overlap), on every core.
    let domainSenders = domains.map(\.sender)
    let blockSize = 4096
    let ownKeys = Parallel.map((domainSenders.count + blockSize - 1) / blockSize, minimumPerSlice: 1) { block in
      router.domainLookups(
        for: domainSenders[(block * blockSize)..<min(domainSenders.count, (block + 1) * blockSize)])
    }.flatMap { $0 }
    // The checks that do not read routes run while the routes are predicted.
    let context = Checks.Context(
      configuration: configuration, version: version, state: state, router: router, routes: [])
    let (routes, independentChecks) = Parallel.map(
      domains.count + addresses.count, alongside: { Checks.independentOfRoutes(context) }
    ) { index in
      index < domains.count
        ? router.route(domainSenders[index], ownKey: ownKeys[index]) : router.route(addresses[index - domains.count])
    }
    self.routes = routes + [router.route(Router.nullSender)]
    self.diagnostics = Checks.finish(
      Checks.Context(
        configuration: configuration, version: version, state: state, router: router, routes: self.routes,
        senders: senders),
      independentChecks)
  }

  /// The route of an arbitrary address typed by the admin.
  public func route(_ sender: String) -> Route { router.route(sender) }

  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
