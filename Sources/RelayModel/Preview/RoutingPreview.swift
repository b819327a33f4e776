/// Everything the Routing screen and `preview` show for one configuration on one DMS
/// version: the generated Postfix state, the route of every known sender, and diagnostics.
public struct RoutingPreview: Sendable {
  public var version: DMSVersion
  public var state: GeneratedState
  public var senders: KnownSenders
  /// One route per known domain (sender `@domain`: any address there without its own entry),
  /// then one per individually keyed address.
  public var routes: [Route]
  public var diagnostics: [Diagnostic]
  public let router: Router

  public init(configuration: Configuration, version: DMSVersion, path: GenerationPath = .startup) {
    self.version = version
    let state = Generator.generate(configuration, family: version.family, path: path)
    self.state = state
    let router = Router(state: state, environment: configuration.environment)
    self.router = router
    let senders = KnownSenders(configuration)
    self.senders = senders
    var routes = senders.domains.map { router.route("@\($0.name)") }
    routes += senders.addresses.map { router.route($0) }
    self.routes = routes
    self.diagnostics = Checks.run(
      Checks.Context(configuration: configuration, version: version, state: state, router: router, routes: routes))
  }

  /// The route of an arbitrary address typed by the admin.
  public func route(_ sender: String) -> Route { router.route(sender) }

  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
