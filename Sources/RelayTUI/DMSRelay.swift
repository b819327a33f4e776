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
      UI.self, Demo.self, Setup.self,
    ],
    defaultSubcommand: UI.self)
}
