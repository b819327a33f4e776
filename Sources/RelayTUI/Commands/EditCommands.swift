import ArgumentParser
import RelayModel

/// `--dry-run` and `--show-secrets`, shared by every edit command.
struct EditOutputOptions: ParsableArguments {
  @Flag(name: .customLong("dry-run"), help: "Print the diff of what would change and write nothing.")
  var dryRun = false

  @Flag(name: .customLong("show-secrets"), help: "Show passwords in the diff instead of <redacted>.")
  var showSecrets = false
}

/// Plans, shows and writes edits; the one code path behind every edit command.
enum EditRunner {
  static func run(_ edits: () throws -> [RelayEdit], config: ConfigOptions, output: EditOutputOptions) throws {
    try reportingErrors {
      let edits = try edits()
      for edit in edits { try edit.validate() }
      // Refuses a folder with no DMS configuration (exit 66, naming what was looked for).
      let loaded = try config.loadExisting()
      if output.dryRun {
        let plan = try loaded.plan(edits)
        for note in plan.notes { printLine("note: \(note)") }
        if plan.isEmpty {
          print("nothing to change")
          return
        }
        print(plan.diff(showSecrets: output.showSecrets), terminator: "")
        EditRoutingReport.print(loaded: loaded, edits: edits)
        if let version = loaded.version, let note = plan.restartNote(version: version, provisioner: loaded.provisioner(on: version)) {
          printLine("note: \(note)")
        }
        print("dry run: nothing written")
        return
      }
      // The write reads the files again under its lock; their warnings were printed above.
      let done = try config.source.write(edits)
      for note in done.plan.notes { printLine("note: \(note)") }
      for temp in done.removedTemps { printLine("note: \(FileStore.staleTempNote(temp))") }
      if done.plan.isEmpty {
        print("nothing to change")
        return
      }
      for receipt in done.receipts {
        printLine(receipt.summary)
        for note in receipt.notes { printLine("note: \(note)") }
      }
      EditRoutingReport.print(loaded: done.loaded, edits: edits)
      if let version = done.loaded.version,
        let note = done.plan.restartNote(version: version, provisioner: done.loaded.provisioner(on: version))
      {
        printLine("note: \(note)")
      }
    }
  }
}

struct AddDomain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-domain",
    abstract: "Route mail from @DOMAIN via a relay host (like 'setup relay add-domain').",
    discussion: "Writes '@DOMAIN [HOST]:PORT' to postfix-relaymap.cf, replacing the domain's line if it has one.")

  @Argument(help: "Sender domain, without '@'.") var domain: String
  @Argument(help: "Relay host name or IP address, without brackets.") var host: String
  @Argument(help: "Relay port (default 25).") var port: String?
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run(
      { [.addDomain(domain: domain, host: host, port: try port.map(RelayEdit.parsePort) ?? 25)] },
      config: config, output: output)
  }
}

struct AddAuth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-auth",
    abstract: "Set the relay credentials for @DOMAIN (like 'setup relay add-auth').",
    discussion: """
      Writes '@DOMAIN USER:PASSWORD' to postfix-sasl-password.cf (mode 0600). Without PASSWORD \
      the password is read from the terminal twice without echo, or with --password-stdin \
      from the first line of standard input.
      """)

  @Argument(help: "Sender domain, without '@'.") var domain: String
  @Argument(help: "Relay account (SASL user name).") var user: String
  @Argument(help: "Password; prefer the prompt or --password-stdin, which keep it out of shell history.")
  var password: String?
  @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input.")
  var passwordStdin = false
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run(
      {
        try RelayEdit.validateDomain(domain)
        try RelayEdit.validateUser(user)
        let secret = try EditPassword.obtain(argument: password, fromStdin: passwordStdin)
        return [.addAuth(domain: domain, user: user, password: secret)]
      }, config: config, output: output)
  }
}

struct ExcludeDomain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exclude-domain",
    abstract: "Opt @DOMAIN out of the RELAY_HOST default (like 'setup relay exclude-domain').",
    discussion: "Writes '@DOMAIN ' (with a trailing space) to postfix-relaymap.cf.")

  @Argument(help: "Sender domain, without '@'.") var domain: String
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run({ [.excludeDomain(domain: domain)] }, config: config, output: output)
  }
}

struct DelDomain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "del-domain",
    abstract: "Remove the relay map lines for @DOMAIN (the key followed by whitespace).")

  @Argument(help: "Sender domain, without '@'; letter case must match the file.") var domain: String
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run({ [.delDomain(domain: domain)] }, config: config, output: output)
  }
}

struct DelAuth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "del-auth",
    abstract: "Remove the credentials for @DOMAIN from postfix-sasl-password.cf.")

  @Argument(help: "Sender domain, without '@'; letter case must match the file.") var domain: String
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run({ [.delAuth(domain: domain)] }, config: config, output: output)
  }
}

struct IncludeDomain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "include-domain",
    abstract: "Undo exclude-domain: remove the opt-out lines for @DOMAIN.")

  @Argument(help: "Sender domain, without '@'.") var domain: String
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run({ [.includeDomain(domain: domain)] }, config: config, output: output)
  }
}

struct SetEnv: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-env",
    abstract: "Set a relay variable (RELAY_HOST, RELAY_PORT, …) in the env file.",
    discussion: """
      Replaces the variable's last assignment in place, else appends KEY=VALUE. Variables set \
      inline in the compose file's 'environment:' are not rewritten; edit the compose file. \
      For a password variable (RELAY_PASSWORD) without VALUE the value is read from the terminal \
      twice without echo, or with --password-stdin from the first line of standard input.
      """)

  @Argument(help: "Variable name, e.g. RELAY_HOST.") var key: String
  @Argument(help: "Value (may be empty). For RELAY_PASSWORD prefer the prompt or --password-stdin.")
  var value: String?
  @Flag(name: .customLong("password-stdin"), help: "Read a password variable's value from standard input.")
  var passwordStdin = false
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run(
      { [.setEnv(key: key, value: try SetEnvValue.obtain(key: key, argument: value, fromStdin: passwordStdin))] },
      config: config, output: output)
  }
}

struct UnsetEnv: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unset-env",
    abstract: "Remove every assignment of a relay variable from the env file(s).")

  @Argument(help: "Variable name, e.g. RELAY_PASSWORD.") var key: String
  @OptionGroup var config: ConfigOptions
  @OptionGroup var output: EditOutputOptions

  func run() throws {
    try EditRunner.run({ [.unsetEnv(key: key)] }, config: config, output: output)
  }
}
