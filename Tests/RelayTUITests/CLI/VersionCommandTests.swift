import Foundation
import Testing

/// `dms-relay --version` says which release this is and which DMS releases it models.
@Suite("CLI: --version")
struct VersionCommandTests {
  @Test("--version names the tool's version and every DMS version family it models")
  func version() throws {
    let folder = FileManager.default.temporaryDirectory.path
    let result = try CLIHarness.run(["--version"], in: folder)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("dms-relay ") == true)
    let number = lines.first.map { String($0.dropFirst("dms-relay ".count)) } ?? ""
    #expect(number.split(separator: ".").count == 3 && number.split(separator: ".").allSatisfy { Int($0) != nil })
    for family in ["11.x", "12.0–13.3.x", "14.x–15.x", "edge", "latest"] {
      #expect(result.stdout.contains(family), "missing '\(family)'")
    }
  }
}
