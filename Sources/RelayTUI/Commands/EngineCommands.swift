import ArgumentParser
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether to colour output: a terminal, and no `NO_COLOR` (https://no-color.org).
func shouldColor() -> Bool {
  isatty(1) == 1 && getenv("NO_COLOR") == nil && String(cString: getenv("TERM") ?? strdup("dumb")) != "dumb"
}

/// Writes bytes to stdout without a String round trip (large JSON documents).
func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) {
  guard let base = bytes.baseAddress else { return }
  var offset = 0
  while offset < bytes.count {
    let n = write(1, base + offset, bytes.count - offset)
    if n < 0, errno == EINTR { continue }
    if n <= 0 { break }
    offset += n
  }
}

/// `dms-relay generate`: the Postfix state DMS would produce.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the /etc/postfix tables and main.cf settings DMS would generate.",
    discussion: "Models DMS's own relay scripts for the selected version, quirks included.")

  @OptionGroup var config: ConfigOptions

  @Option(help: "When DMS runs its relay scripts: startup or change (change detection).")
  var path: GenerationPath = .startup

  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Print passwords instead of <redacted>.") var showSecrets = false

  func run() throws {
    try reportingErrors {
      let loaded = try config.loadExisting()
      let version = try loaded.requireVersion()
      let state = Generator.generate(loaded.configuration, version: version, path: path)
      if json {
        // As bytes: 100,000 table lines need no String of the whole document.
        Reports.generateJSON(state, version: version, showSecrets: showSecrets, to: writeStandardOutput)
      } else {
        print(Reports.generateText(state, version: version, showSecrets: showSecrets), terminator: "")
      }
    }
  }
}

extension GenerationPath: ExpressibleByArgument {}

/// `dms-relay route`: where mail from given senders goes.
struct RouteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "route",
    abstract: "Predict where Postfix sends mail from each sender address.")

  @OptionGroup var config: ConfigOptions

  @Option(
    name: .customLong("sender"), parsing: .upToNextOption,
    help: "Sender addresses (user@domain, @domain, or '<>' for bounces): --sender a@x.test b@y.test, or repeat --sender.")
  var senders: [String] = []

  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if senders.isEmpty { throw ValidationError("give at least one --sender ADDRESS") }
  }

  func run() throws {
    try reportingErrors {
      // Not an address: a usage mistake to say so (exit 65), not a "bounced" route (issue 14 fix 8).
      if let bad = senders.first(where: { !Self.isAddress($0) }) {
        throw CLIFailure("--sender '\(bad)' is not an address: give user@domain, @domain or '<>'", .dataError)
      }
      let loaded = try config.loadExisting()
      let version = try loaded.requireVersion()
      let configuration = loaded.configuration.resolvingFileSecrets(for: version)
      let state = Generator.generate(configuration, family: version.family)
      let router = Router(state: state, configuration: configuration)
      let routes = senders.map(router.route)
      if json {
        Reports.routesJSON(routes, to: writeStandardOutput)
      } else {
        print(Reports.routeText(routes), terminator: "")
      }
    }
  }

  /// Something after the last '@', as the router needs to look the sender up.
  static func isAddress(_ text: String) -> Bool {
    // `<>` or '': the null sender of bounces and DSNs (spec §11).
    if Router.isNullSender(text) { return true }
    guard let at = text.lastIndex(of: "@") else { return false }
    return text.index(after: at) != text.endIndex && !text.contains(where: \.isWhitespace)
  }
}

/// `dms-relay preview`: every known sender domain routed, plus all diagnostics.
struct Preview: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Route every known sender domain and list every diagnostic.",
    discussion: "Exit status: 0 without errors, 1 with errors, 2 with warnings under --strict.")

  @OptionGroup var config: ConfigOptions
  @Flag(help: "Print JSON.") var json = false
  @Flag(help: "Exit 2 when there are warnings (and no errors).") var strict = false

  func run() throws {
    try reportingErrors {
      let loaded = try config.loadExisting()
      let version = try loaded.requireVersion()
      let preview = RoutingPreview(configuration: loaded.configuration, version: version)
      if json {
        // In 1 MB pieces: the whole document would be ~40 MB for 100,000 routes.
        Reports.writePreviewJSON(preview) { writeStandardOutput($0) }
      } else {
        // In pieces of 2048 routes, for the same reason.
        let color = shouldColor()
        Reports.writePreviewText(preview) { piece in
          var text = ANSIText.render(piece, color: color)
          text.withUTF8 { writeStandardOutput(UnsafeRawBufferPointer($0)) }
        }
      }
      // Nothing left to do: skip tearing down 100,000 routes one by one.
      Glibc.exit(preview.errorCount > 0 ? 1 : (strict && preview.warningCount > 0 ? 2 : 0))
    }
  }
}

/// `dms-relay compare`: the upgrade check between two versions.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the senders whose route changes between two DMS versions, and why.")

  @OptionGroup var config: ConfigOptions
  @Option(help: "The version running now (default: the detected one).") var from: String?
  @Option(help: "The version to upgrade (or downgrade) to (default: the next newer release).") var to: String?
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    try reportingErrors {
      let loaded = try config.loadExisting()
      let old = try from.map { try DMSVersion.parse($0) } ?? loaded.requireVersion()
      let choices = VersionChoices(detected: old)
      let new: DMSVersion
      if let to {
        new = try DMSVersion.parse(to)
      } else {
        guard let next = choices.nextComparison(after: nil, selected: old), choices.isNewer(next, than: old) else {
          throw CLIFailure("DMS \(old.name) is the newest release this tool models; pass --to VERSION", .usage)
        }
        new = next
        if !json { printError("dms-relay: comparing with the next newer release, \(new.name) (--to VERSION picks another)") }
      }
      let comparison = VersionComparison(configuration: loaded.configuration, from: old, to: new)
      if json {
        Reports.compareJSON(comparison, to: writeStandardOutput)
      } else {
        print(ANSIText.render(Reports.compareText(comparison), color: shouldColor()), terminator: "")
      }
    }
  }
}
