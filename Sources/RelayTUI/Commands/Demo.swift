import ArgumentParser
import Foundation
import RelayModel

/// `dms-relay demo`: the UI on a built-in DMS 13.3.1 setup that walks into the classic
/// relay traps, copied to a fresh temporary folder so nothing real is touched.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open the terminal UI on a built-in demo configuration in a temporary folder.",
    discussion: """
      The demo is DMS 13.3.1 with RELAY_HOST set and no credentials, so no outbound mail \
      leaves at all; fix it in the UI and write. Screen 6 reads a small built-in mail log \
      (mail-logs/mail.log in the folder). The temporary folder is removed on exit unless \
      --keep is given (then its path is printed).
      """)

  @OptionGroup var mailLog: MailLogOption
  @Flag(help: "Keep the demo folder after quitting and print its path.") var keep = false

  func run() throws {
    try reportingErrors {
      try UISession.requireTerminal()
      let folder = try Self.makeFolder()
      let source = ConfigurationSource(
        configDirectory: "\(folder)/\(DemoConfiguration.configDirectory)",
        composeFile: "\(folder)/\(DemoConfiguration.composeFile)", baseDirectory: folder)
      let loaded = try source.load()
      // Removed however the session ends, unless asked to keep it (issue 14 fix 12).
      defer {
        if keep {
          print("dms-relay: the demo files are in \(folder) (delete the folder when done)")
        } else {
          try? FileManager.default.removeItem(atPath: folder)
        }
      }
      try UISession.run(
        .opening(loaded, size: UISession.initialSize), mailLog: mailLog.source, load: { try source.load() })
    }
  }

  /// A new folder under the temp directory holding `DemoConfiguration.files`.
  static func makeFolder() throws -> String {
    let base = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
    var template = Array("\(base)/dms-relay-demo-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw CLIFailure("cannot create a demo folder in \(base)", .cannotCreate)
    }
    let folder = String(cString: made)
    for file in DemoConfiguration.files + [(DemoMailLog.path, DemoMailLog.content)] {
      let path = "\(folder)/\(file.path)"
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: path, contents: Data(file.content.utf8)) else {
        throw CLIFailure("cannot write \(path)", .cannotCreate)
      }
    }
    return folder
  }
}
