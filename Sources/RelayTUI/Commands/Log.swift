import ArgumentParser
import RelayLive
import RelayModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dms-relay log`: what the server really did, per sender domain, held against the preview.
struct Log: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read the mail log: where each sender domain's mail really went, and whether the preview agrees.",
    discussion: """
      Without FILE, reads DMS's mounted log: mail-logs/mail.log and its rotations (.gz too) beside \
      the config folder. '-' reads standard input: docker logs mailserver 2>&1 | dms-relay log -
      Exit status: 0 when every observed domain agrees with the prediction, 1 when one disagrees.
      """)

  @OptionGroup var config: ConfigOptions

  @Argument(help: ArgumentHelp("Mail log files, oldest first ('-' for standard input).", valueName: "file"))
  var files: [String] = []

  @Option(help: ArgumentHelp("Only messages from this time on: HH:MM, 'Dec 05 10:02', 2026-12-05T10:02.", valueName: "time"))
  var since: String?

  @Option(name: .customLong("sender-domain"), help: ArgumentHelp("Only mail from this sender domain.", valueName: "domain"))
  var senderDomain: String?

  @Flag(help: "Keep reading as the log grows (follows rotation); one line per message.") var follow = false
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    if let since, LogTime.parseArgument(since) == nil {
      throw ValidationError("'\(since)' is not a time: use HH:MM, 'Dec 05 10:02' or 2026-12-05T10:02")
    }
    if follow, json { throw ValidationError("--follow prints one line per message; it cannot be combined with --json") }
  }

  func run() throws {
    var disagrees = false
    try reportingErrors {
      let (comparison, configDirectory) = try loadComparison()
      let paths = try inputPaths(configDirectory: configDirectory)
      var joiner = MailLogJoiner(
        comparison: comparison, since: since.flatMap(LogTime.parseArgument), senderDomain: senderDomain)
      if json {
        var writer = ObservedJSONWriter(output: writeStandardOutput)
        for path in paths { try readLog(path) { joiner.consume($0) { writer.message($0) } } }
        joiner.finish { writer.message($0) }
        let summaries = joiner.summaries()
        writer.finish(senders: summaries, unreadLines: joiner.unreadLines)
        disagrees = summaries.contains { $0.agrees == false }
      } else if follow {
        try followLog(paths, &joiner)
      } else {
        for path in paths { try readLog(path) { joiner.consume($0) { _ in } } }
        joiner.finish { _ in }
        let summaries = joiner.summaries()
        print(ObservedText.render(summaries, messages: joiner.messageCount, unreadLines: joiner.unreadLines), terminator: "")
        disagrees = summaries.contains { $0.agrees == false }
      }
    }
    if disagrees { throw ExitCode(1) }
  }

  /// The routes the configuration predicts, when it can be read; a log is still worth
  /// reading without one (then nothing is compared).
  private func loadComparison() throws -> (ObservedComparison?, String?) {
    let loaded: LoadedConfiguration
    do {
      loaded = try config.load()
    } catch {
      if files.isEmpty { throw error }
      printError("dms-relay: warning: \(CLIFailure(error).message); nothing is compared with the preview")
      return (nil, nil)
    }
    guard let version = loaded.version else {
      printError("dms-relay: warning: no DMS version (give --dms-version); nothing is compared with the preview")
      return (nil, loaded.configDirectory)
    }
    let configuration = loaded.configuration.resolvingFileSecrets(for: version)
    let state = Generator.generate(configuration, family: version.family)
    let router = Router(state: state, configuration: configuration)
    return (ObservedComparison(router: router, environment: configuration.environment), loaded.configDirectory)
  }

  private func inputPaths(configDirectory: String?) throws -> [String] {
    if !files.isEmpty { return files }
    let folder = MailLogFiles.folder(besideConfig: configDirectory ?? ConfigurationSource.defaultConfigDirectory)
    let found = MailLogFiles.rotations(in: folder)
    if found.isEmpty { throw CLIFailure(LogReadError.noDefaultLog(searched: folder + "/mail.log").description, .noInput) }
    return follow ? [found.last!] : found
  }

  private func readLog(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    do {
      try LogReader.read(path, body)
    } catch let error as LogReadError {
      throw CLIFailure(error)
    }
  }

  /// Prints each message as it completes, until interrupted.
  private func followLog(_ paths: [String], _ joiner: inout MailLogJoiner) throws {
    func show(_ event: DeliveryEvent) {
      // Unbuffered: a follower's reader wants each line as it happens.
      Array((ObservedText.line(ObservedMessage(event)) + "\n").utf8).withUnsafeBytes(writeStandardOutput)
    }
    for path in paths.dropLast() { try readLog(path) { joiner.consume($0, show) } }
    guard let last = paths.last else { return }
    if last == "-" { return try readLog(last) { joiner.consume($0, show) } }
    do {
      try LogFollower(path: last).follow(
        until: { false },
        onReplaced: { joiner.dropPartialLine() },
        { joiner.consume($0, show) })
    } catch let error as LogReadError {
      throw CLIFailure(error)
    }
  }
}

extension CLIFailure {
  init(_ error: LogReadError) {
    switch error {
    case .cannotOpen, .noDefaultLog: self.init(error.description, .noInput)
    case .cannotRead: self.init(error.description, .ioError)
    case .corruptGzip: self.init(error.description, .dataError)
    }
  }
}
