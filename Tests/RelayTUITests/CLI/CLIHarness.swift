import Foundation

/// Runs the built `dms-relay` binary on temp copies of the DMS fixtures.
enum CLIHarness {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary next to the test bundle (the same build), else a conventional build folder.
  static let binary: String = {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dms-relay").path,
      Bundle.main.bundleURL.appendingPathComponent("dms-relay").path,
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dms-relay").path,
      repositoryRoot.appendingPathComponent(".build-h4/debug/dms-relay").path,
      repositoryRoot.appendingPathComponent(".build/debug/dms-relay").path,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }()

  static func fixture(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/RelayModelTests/Fixtures/dms/\(name)")
  }

  /// A temp folder laid out like a DMS checkout: `docker-data/dms/config/` holds the fixture's
  /// config files and `mailserver.env` its `env`.
  static func checkout(of fixture: String) throws -> String {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("dms-relay-cli-\(UUID().uuidString)").path
    let config = "\(root)/docker-data/dms/config"
    try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    let source = Self.fixture(fixture)
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".cf") {
      try FileManager.default.copyItem(atPath: source.appendingPathComponent(name).path, toPath: "\(config)/\(name)")
    }
    let env = source.appendingPathComponent("env").path
    if FileManager.default.fileExists(atPath: env) {
      try FileManager.default.copyItem(atPath: env, toPath: "\(root)/mailserver.env")
      // As an admin keeps an env file with a password: 0600 (a looser one is warned about).
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(root)/mailserver.env")
    }
    return root
  }

  static func remove(_ folder: String) {
    if let items = FileManager.default.enumerator(atPath: folder) {
      for case let item as String in items {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(folder)/\(item)")
      }
    }
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Runs `dms-relay args…` in `folder`, detached from any terminal (`setsid`), optionally
  /// as another user (`setpriv`), with `stdin` as its input.
  static func run(_ args: [String], in folder: String, stdin: String? = nil, asNobody: Bool = false) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
    var command = [binary] + args
    if asNobody {
      command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
    }
    process.arguments = ["--wait"] + command
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.environment = ["PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "200"]
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func snapshot(_ folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    for case let item as String in FileManager.default.enumerator(atPath: folder) ?? .init() {
      if let data = FileManager.default.contents(atPath: "\(folder)/\(item)") { result[item] = data }
    }
    return result
  }

  static func text(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  static func mode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
  }
}
