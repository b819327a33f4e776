/// The diagnostic catalogue: each check looks at the configuration, the generated state and
/// the routes, and reports what will surprise the admin on this DMS version.
public enum Checks {
  public struct Context: Sendable {
    public var configuration: Configuration
    public var version: DMSVersion
    public var state: GeneratedState
    public var router: Router
    public var routes: [Route]
    /// The known senders, in the order of `routes` (domains, then addresses); nil where a
    /// caller checks routes of its own.
    public var senders: KnownSenders? = nil

    var env: RelayEnvironment { configuration.environment }
    var rules: VersionRules { version.family.rules }
    var relayHostSet: Bool { !env["RELAY_HOST"].isEmpty }
    var relayMapLines: [Line] { configuration.relayMap?.document.lines ?? [] }
    var saslLines: [Line] { configuration.saslPasswords?.document.lines ?? [] }

    func location(_ file: String, _ index: Int) -> SourceLocation {
      SourceLocation(file: file, line: index + 1)
    }

    func envLocation(_ key: String) -> SourceLocation? {
      switch env.origins[key] {
      case .envFile(let path, let line): return SourceLocation(file: path, line: line)
      case .compose(let path, _): return SourceLocation(file: path)
      default: return nil
      }
    }
  }

  public static func run(_ context: Context) -> [Diagnostic] {
    finish(context, independentOfRoutes(context))
  }

  /// What the checks that never read a route report: they can run while the routes are
  /// predicted. `leading` come before the route checks' diagnostics, `trailing` after.
  struct RouteIndependent: Sendable {
    var leading: [Diagnostic] = []
    var trailing: [Diagnostic] = []
  }

  static func independentOfRoutes(_ context: Context) -> RouteIndependent {
    var result = RouteIndependent()
    checkVersion(context, &result.leading)
    checkRelayHostDependency(context, &result.leading)
    checkEnvironment(context, &result.leading)
    checkFileSecrets(context, &result.leading)
    checkRelayMapLines(context, &result.leading)
    checkGeneratedTables(context, &result.leading)
    checkDroppedTableLines(context, &result.leading)
    checkSaslContinuations(context, &result.leading)
    checkDomains(context, &result.leading)
    checkCredentialLines(context, &result.leading)
    checkSRS(context, &result.leading)
    checkPort465Environment(context, &result.trailing)
    return result
  }

  /// The checks that read the routes, then every diagnostic in order of severity and place.
  static func finish(_ context: Context, _ independent: RouteIndependent) -> [Diagnostic] {
    var out = independent.leading
    checkCredentialUse(context, &out)
    checkDirectDeliveryTLS(context, &out)
    checkSRSRoutes(context, &out)
    checkNullSender(context, &out)
    checkCredentialsOffered(context, &out)
    out += independent.trailing
    checkOverrides(context, &out)
    return out.sorted { lhs, rhs in
      if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
      let lf = lhs.location?.file ?? "~", rf = rhs.location?.file ?? "~"
      if lf != rf { return lf < rf }
      return (lhs.location?.line ?? 0) < (rhs.location?.line ?? 0)
    }
  }

  static func checkVersion(_ c: Context, _ out: inout [Diagnostic]) {
    if c.version.isUnknownFuture {
      out.append(
        Diagnostic(
          .unknownFutureVersion,
          "DMS \(c.version.name) is newer than any release this tool knows; it is previewed with the v14+ rules",
          fix: "check the preview against DMS's release notes for relay changes"))
    }
    // Also a relayhost or relay map that only `postfix-main.cf` sets (spec §8).
    let hasAnything =
      c.configuration.relayMap != nil || c.configuration.saslPasswords != nil || c.relayHostSet
      || !c.env["DEFAULT_RELAY_HOST"].isEmpty || !c.router.relayhost.isEmpty
      || !(c.router.relayTable?.entries.isEmpty ?? true)
    if !hasAnything {
      out.append(
        Diagnostic(
          .noRelayConfigured,
          "no relay is configured: all mail is delivered directly to the recipients' MX hosts",
          fix: "run 'dms-relay setup' to send mail through a relay"))
    }
  }
}
