import Foundation
@testable import RelayModel

/// The DMS fixture corpus copied from shared/fixtures/dms (see its README).
enum Fixtures {
  static let root: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/dms")

  static var caseNames: [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? []
  }

  static func directory(_ name: String) -> URL { root.appendingPathComponent(name) }

  static func configuration(_ name: String) throws -> Configuration {
    let dir = directory(name)
    let envBytes = [UInt8]((try? Data(contentsOf: dir.appendingPathComponent("env"))) ?? Data())
    let env = EnvFile(bytes: envBytes).environment(path: "env")
    // The config folder is read by the same loader the CLI uses; the fixture's `env` is a
    // plain KEY=VALUE file named "env", reported as such in diagnostics.
    var configuration = try ConfigurationSource(configDirectory: dir.path, baseDirectory: dir.path).load().configuration
    configuration.environment = env
    return configuration
  }

  struct Expected: Decodable, Equatable {
    var tag: String
    var path: String
    var relayhost_map: [String]?
    var sasl_passwd: [String]?
    var postconf: [String]
    var modified_inputs: [String]
  }

  /// Every (case, expected file) pair.
  static var expectations: [(caseName: String, file: String)] {
    caseNames.flatMap { name in
      let dir = directory(name).appendingPathComponent("expected")
      let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
      return files.sorted().map { (name, $0) }
    }
  }

  static func expected(_ name: String, _ file: String) throws -> Expected {
    let url = directory(name).appendingPathComponent("expected").appendingPathComponent(file)
    return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
  }
}
