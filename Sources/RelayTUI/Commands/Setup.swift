import ArgumentParser
import RelayModel

/// `dms-relay setup`: say where mail should go, get the files and env DMS of your version
/// needs (the planner), see the routing they produce, then write them.
///
/// The interactive form is the wizard (`WizardSession`); `--non-interactive` does the same
/// from options, for Ansible and CI.
struct Setup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "setup",
    abstract: "Plan and write a relay setup from what you want (per-version, verified).",
    discussion: """
      With --non-interactive: routes mail from the sender domains given with --domains \
      through the provider's relay and everything else directly (or, with --all, all mail \
      through the relay except the domains given with --except), using the \
      smallest set of changes that makes DMS of that version do exactly that. Prints the \
      steps with their reasons, the routing the result produces, diagnostics and the diff \
      (passwords redacted); writes only with --yes. Exits 1 without writing when that DMS \
      version cannot route mail exactly as asked (--accept-closest writes the closest plan).

      Providers: \(Provider.all.map(\.id).joined(separator: ", ")).
      """)

  @Flag(name: .customLong("non-interactive"), help: "Plan from the options below instead of running the wizard.")
  var nonInteractive = false

  @Option(help: ArgumentHelp("Relay provider preset, or 'custom' with --host.", valueName: "name"))
  var provider: String?

  @Option(help: ArgumentHelp("Region, for providers that need one (Amazon SES: e.g. eu-central-1).", valueName: "region"))
  var region: String?

  @Option(help: ArgumentHelp("Relay host name, for --provider custom.", valueName: "host"))
  var host: String?

  @Option(help: ArgumentHelp("Relay port (default: the provider's STARTTLS port, usually 587).", valueName: "port"))
  var port: String?

  @Option(help: ArgumentHelp("Comma-separated sender domains to relay; every other domain goes direct.", valueName: "a.test,b.test"))
  var domains: String?

  @Flag(help: "Relay all mail, from every sender domain.")
  var all = false

  @Option(help: ArgumentHelp("With --all: comma-separated sender domains that go direct instead.", valueName: "c.test"))
  var except: String?

  @Option(help: ArgumentHelp("SMTP user name at the relay (default: the provider's fixed one, e.g. 'apikey').", valueName: "user"))
  var username: String?

  @Flag(name: .customLong("password-stdin"), help: "Read the relay password from the first line of standard input.")
  var passwordStdin = false

  @Flag(help: "Write the changes (without it, only print the plan).")
  var yes = false

  @Flag(name: .customLong("accept-closest"), help: "Write the closest plan even when it cannot route exactly as asked.")
  var acceptClosest = false

  @Flag(name: .customLong("show-secrets"), help: "Show passwords in the diff instead of <redacted>.")
  var showSecrets = false

  @OptionGroup var config: ConfigOptions

  func run() throws {
    guard nonInteractive else {
      // The interactive wizard (Sources/RelayTUI/Wizard); abandoning it exits 1.
      try reportingErrors {
        try WizardSession.requireTerminal()
        if case .abandoned = try WizardSession.run(try config.load()) { throw ExitCode(1) }
      }
      return
    }
    try reportingErrors {
      let intent = try makeIntent()
      let loaded = try config.load()
      let version = try loaded.requireVersion()
      let planner = Planner(configuration: loaded.configuration, version: version)
      let plan: RelayPlan
      do throws(PlanError) {
        plan = try planner.plan(intent)
      } catch {
        switch error {
        case .invalid, .implicitTLSPort: throw CLIFailure(error.description, .usage)
        case .cannotApply: throw CLIFailure(error.description, .dataError)
        }
      }
      let writePlan: WritePlan
      do {
        writePlan = try plan.writePlan(for: loaded)
      } catch {
        // Show what would be needed even when it cannot be written (e.g. compose's inline env).
        print(SetupReport.render(plan, planner: planner, loaded: loaded, writePlan: nil, showSecrets: showSecrets))
        throw error
      }
      print(SetupReport.render(plan, planner: planner, loaded: loaded, writePlan: writePlan, showSecrets: showSecrets))

      if !plan.isExact {
        printError("dms-relay: error: DMS \(version) cannot route mail exactly as asked:")
        for limitation in plan.limitations { printError("  - \(limitation)") }
        guard acceptClosest else {
          printError("nothing written; --accept-closest writes the closest plan shown above")
          throw ExitCode(1)
        }
      }
      if writePlan.isEmpty {
        print("Nothing to change: DMS \(version) already routes mail as asked.")
        return
      }
      guard yes else {
        print("Dry run: nothing written. Run again with --yes to write these changes.")
        return
      }
      for receipt in try FileStore().write(writePlan) {
        print(receipt.summary)
        for note in receipt.notes { print("note: \(note)") }
      }
      print("")
      print("Next:")
      for line in plan.nextSteps { print("  - \(line)") }
    }
  }

  /// The relay and intent from the options; usage errors name the option.
  func makeIntent() throws -> RoutingIntent {
    guard let providerName = provider else {
      throw CLIFailure("--non-interactive needs --provider (one of \(Provider.all.map(\.id).joined(separator: ", ")))", .usage)
    }
    guard let preset = Provider.named(providerName) else {
      throw CLIFailure(ProviderError.unknownProvider(providerName).description, .usage)
    }
    if host != nil, !preset.needsHost {
      throw CLIFailure("--host is only for --provider custom ('\(preset.id)' relays via its own host)", .usage)
    }
    if region != nil, !preset.needsRegion {
      throw CLIFailure("--region is only for providers with regions (ses); '\(preset.id)' has none", .usage)
    }
    func list(_ text: String?) -> [String] {
      (text ?? "").split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
    let domainList = list(domains)
    let directList = list(except)
    if except != nil, !all { throw CLIFailure("--except goes with --all (relay everything except these)", .usage) }
    if except != nil, directList.isEmpty { throw CLIFailure("--except lists no domain", .usage) }
    switch (all, domains != nil) {
    case (true, true): throw CLIFailure("give either --domains or --all, not both", .usage)
    case (false, false): throw CLIFailure("say which mail to relay: --domains a.test,b.test or --all", .usage)
    case (false, true) where domainList.isEmpty: throw CLIFailure("--domains lists no domain", .usage)
    default: break
    }
    let portNumber = try port.map(RelayEdit.parsePort)
    let user = username ?? (preset.suggestedUsername.isEmpty ? nil : preset.suggestedUsername)
    var password: String?
    if passwordStdin {
      guard user != nil else {
        throw CLIFailure("--password-stdin needs --username (\(preset.usernameHint))", .usage)
      }
      password = try EditPassword.obtain(argument: nil, fromStdin: true)
    } else if username != nil {
      throw CLIFailure("--username needs the password on standard input: add --password-stdin", .usage)
    }
    let relay: Relay
    do {
      relay = try preset.relay(
        region: region, host: host, port: portNumber, username: password == nil ? nil : user, password: password)
    } catch {
      throw CLIFailure(error.description, .usage)
    }
    guard all else { return .only(domainList, through: relay) }
    var intent = RoutingIntent.everything(through: relay)
    for domain in directList { intent.set(domain, to: .direct) }
    return intent
  }
}

/// The text `setup` prints for a plan.
enum SetupReport {
  static func render(
    _ plan: RelayPlan, planner: Planner, loaded: LoadedConfiguration, writePlan: WritePlan?, showSecrets: Bool
  ) -> String {
    var out: [String] = []
    let version = plan.version
    out.append("Plan for DMS \(version) (\(version.family.rawValue)): \(plan.intent.summary)")
    out.append("Config folder: \(loaded.configDirectory ?? "(none)"); environment: \(loaded.environmentDescription)")
    out.append("")

    if plan.steps.isEmpty {
      out.append("Steps: none")
    } else {
      out.append("Steps:")
      for (index, step) in plan.steps.enumerated() {
        out.append("  \(index + 1). [\(loaded.fileLabel(for: step))] \(step.summary)")
        out.append("     \(step.reason)")
      }
    }
    out.append("")

    out.append("Routing on DMS \(version) after these steps:")
    let rows = plan.routes.map { route -> [String] in
      [route.label, route.wanted.description, route.route.summary, route.matches ? "ok" : "NOT AS ASKED"]
    }
    out += table(["SENDER", "WANTED", "DMS WILL", ""], rows).map { "  " + $0 }
    let unknown = plan.intent.domains.map(\.domain).filter { planner.knownSenders.domain(named: $0) == nil }
    for domain in unknown {
      out.append("  note: '\(domain)' is not in postfix-accounts.cf or postfix-virtual.cf; it has a relay map line of its own")
    }
    out.append("")

    if !plan.consequences.isEmpty {
      out.append("Good to know:")
      for line in plan.consequences { out.append("  - \(line)") }
      out.append("")
    }

    let diagnostics = plan.preview.diagnostics.filter { $0.severity != .info }
    out.append(diagnostics.isEmpty ? "Diagnostics: none" : "Diagnostics:")
    for diagnostic in diagnostics {
      out.append("  \(diagnostic.formatted)")
      if !diagnostic.fix.isEmpty { out.append("    fix: \(diagnostic.fix)") }
    }
    out.append("")

    guard let writePlan else { return out.joined(separator: "\n") }
    for note in writePlan.notes { out.append("note: \(note)") }
    let diff = writePlan.diff(showSecrets: showSecrets)
    if !diff.isEmpty {
      out.append("Diff:")
      out.append(diff.hasSuffix("\n") ? String(diff.dropLast()) : diff)
    }
    return out.joined(separator: "\n")
  }


  /// Left-aligned columns separated by two spaces (trailing spaces trimmed).
  static func table(_ header: [String], _ rows: [[String]]) -> [String] {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      var line = ""
      for (column, cell) in row.enumerated() {
        line += cell
        if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
      }
      return line.trimmingSpaces()
    }
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}
