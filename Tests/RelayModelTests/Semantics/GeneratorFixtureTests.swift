import Testing
@testable import RelayModel

@Suite("DMS's own output for every fixture, release tag and path")
struct GeneratorFixtureTests {
  static let cases = Fixtures.expectations.map { "\($0.caseName)/\($0.file)" }

  @Test("matches the fixtures' count") func corpusIsComplete() {
    #expect(Self.cases.count == 160)
  }

  @Test("generate equals DMS byte for byte", arguments: cases)
  func generateMatchesDMS(_ id: String) throws {
    let parts = id.split(separator: "/").map(String.init)
    let expected = try Fixtures.expected(parts[0], parts[1])
    let version = try DMSVersion.parse(expected.tag)
    let path = try #require(GenerationPath(rawValue: expected.path))
    let state = Generator.generate(try Fixtures.configuration(parts[0]), family: version.family, path: path)
    #expect(state.relayhostMap?.textLines == expected.relayhost_map)
    #expect(state.saslPasswd?.textLines == expected.sasl_passwd)
    #expect(state.postconf.map(\.description) == expected.postconf)
    #expect(state.modifiedInputs == expected.modified_inputs)
  }
}
