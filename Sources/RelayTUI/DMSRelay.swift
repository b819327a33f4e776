import ArgumentParser
import RelayModel

@main
struct DMSRelay: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dms-relay",
    abstract: "See, edit and safely write docker-mailserver's outbound relay configuration.",
    version: ToolVersion.text,
    subcommands: [
      Generate.self, RouteCommand.self, Preview.self, Compare.self,
      AddDomain.self, AddAuth.self, ExcludeDomain.self, DelDomain.self, DelAuth.self,
      IncludeDomain.self, SetEnv.self, UnsetEnv.self,
      Check.self, Log.self, Drift.self,
      UI.self, Demo.self, Setup.self, FrameTime.self,
    ],
    defaultSubcommand: UI.self)

  /// ArgumentParser's `main`, except that a parse error is one escaped line that never
  /// repeats a password (`ArgumentErrors`), with the usage exit code 64.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      let code = exitCode(for: error)
      if code == .success { exit(withError: error) }
      printError("dms-relay: error: \(ArgumentErrors.line(for: message(for: error), arguments: arguments))")
      exit(withError: ExitCode(code == .validationFailure ? SysExit.usage.rawValue : code.rawValue))
    }
    do {
      try command.run()
    } catch {
      exit(withError: error)
    }
  }
}
