import ArgumentParser
import RelayLive
import RelayModel

/// `dms-relay drift`: what the running container has not applied yet.
struct Drift: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare the running container's relay tables and main.cf with what DMS writes for the files.",
    discussion: """
      Reads /etc/postfix/relayhost_map, /etc/postfix/sasl_passwd (compared, never shown), \
      postconf -n and DMS_RELEASE inside the container with 'docker exec NAME …' (an argument \
      list, no shell), or with --exec "CMD …" for another runtime ("podman exec mailserver"). \
      Exit status: 0 when the container runs what the files say, 1 when something is not applied.
      """)

  @OptionGroup var config: ConfigOptions

  @Option(help: ArgumentHelp("The mailserver container (runs 'docker exec NAME …').", valueName: "name"))
  var container: String?

  @Option(name: .customLong("exec"), help: ArgumentHelp("Run commands in the container with this prefix instead.", valueName: "cmd"))
  var execPrefix: String?

  @Option(name: .customLong("postfix-dir"), help: ArgumentHelp("Postfix's configuration directory in the container.", valueName: "path"))
  var postfixDirectory = "/etc/postfix"

  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if (container == nil) == (execPrefix == nil) { throw ValidationError("give either --container NAME or --exec \"CMD …\"") }
  }

  func run() throws {
    var drifted = false
    try reportingErrors {
      let loaded = try config.load()
      let version = try loaded.requireVersion()
      var exec = container.map(ContainerExec.docker) ?? ContainerExec.command(execPrefix ?? "")
      exec.postfixDirectory = postfixDirectory
      let snapshot: ContainerSnapshot
      do {
        snapshot = try exec.snapshot()
      } catch let failure as ContainerExec.Failure {
        throw CLIFailure(failure.description, .unavailable)
      }
      let items = ContainerDrift.compare(snapshot, configuration: loaded.configuration, version: version)
      drifted = !items.isEmpty
      if json {
        let value = JSONValue.object([
          ("version", .optional(snapshot.version)),
          ("drift", .array(items.map { .object([("kind", .string($0.kind.rawValue)), ("name", .string($0.name)), ("detail", .string($0.detail)), ("apply", .string($0.howToApply))]) })),
        ])
        print(value.rendered(), terminator: "")
      } else if items.isEmpty {
        print("The container runs what the files say (DMS \(snapshot.version ?? version.name)): relayhost_map, sasl_passwd and the relay settings match.")
      } else {
        for item in items {
          print("\(item.name): \(item.detail)")
          print("  apply: \(item.howToApply)")
        }
      }
    }
    if drifted { throw ExitCode(1) }
  }
}
