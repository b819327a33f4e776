import ArgumentParser
import RelayModel

/// Where to read the configuration from; shared by every command that reads it.
///
/// Without options, a DMS checkout's defaults are used from the current folder:
/// `./docker-data/dms/config`, `./mailserver.env` and `./compose.yaml` (or its variants).
struct ConfigOptions: ParsableArguments {
  @Option(
    name: .customLong("config-dir"),
    help: ArgumentHelp(
      "DMS config folder (docker-data/dms/config).", valueName: "path"))
  var configDirectory: String?

  @Option(
    name: .customLong("env-file"),
    help: ArgumentHelp("Env file of the mailserver container (mailserver.env).", valueName: "path"))
  var envFile: String?

  @Option(
    name: .customLong("compose-file"),
    help: ArgumentHelp("Compose file with the docker-mailserver service.", valueName: "path"))
  var composeFile: String?

  @Option(
    name: .customLong("dms-version"),
    help: ArgumentHelp(
      "DMS release the container runs (e.g. 13.3.1, 14, 15.1, edge); default: the compose image tag.",
      valueName: "version"))
  var dmsVersion: String?

  var source: ConfigurationSource {
    ConfigurationSource(
      configDirectory: configDirectory, envFile: envFile, composeFile: composeFile,
      dmsVersion: dmsVersion)
  }

  /// Loads everything, printing load warnings to stderr.
  func load() throws -> LoadedConfiguration {
    let loaded = try source.load()
    for warning in loaded.warnings { printError("dms-relay: warning: \(warning)") }
    return loaded
  }
}
