import Testing
@testable import RelayModel

@Suite("Work spread over the cores gives what doing it in order gives")
struct ParallelTests {
  @Test("map, map alongside other work, and both", arguments: [0, 1, 2047, 2048, 4096, 10_001])
  func sameAsSerial(count: Int) {
    let expected = (0..<count).map { $0 &* 2_654_435_761 % 1000 }
    #expect(Parallel.map(count) { $0 &* 2_654_435_761 % 1000 } == expected)
    #expect(Parallel.map(count, minimumPerSlice: 1) { $0 &* 2_654_435_761 % 1000 } == expected)
    let (mapped, other) = Parallel.map(count, alongside: { "other" }) { $0 &* 2_654_435_761 % 1000 }
    #expect(mapped == expected)
    #expect(other == "other")
    let (a, b) = Parallel.both({ expected.count }, { expected.reduce(0, +) })
    #expect(a == count)
    #expect(b == expected.reduce(0, +))
  }

  /// Enough domains that routes are predicted in slices on every core, with relay map
  /// entries, credentials, opt-outs, prefix collisions and uppercase spellings among them.
  static func largeConfiguration(domains: Int) -> Configuration {
    var accounts = "", relayMap = "", sasl = ""
    for i in 0..<domains {
      let domain = i % 7 == 3 ? "D\(i).Example.test" : "d\(i).example.test"
      accounts += "user@\(domain)|{SHA512-CRYPT}$6$x\n"
      switch i % 5 {
      case 0: relayMap += "@\(domain) [relay\(i % 13).test]:587\n"
      case 1: relayMap += "@\(domain)\n"
      case 2: relayMap += "@d\(i)-example.test [relay.test]:2525\n"
      default: break
      }
      if i % 3 == 0 { sasl += "@\(domain) user\(i):secret\(i)\n" }
    }
    return configuration(
      relayMap: relayMap, sasl: sasl, accounts: accounts,
      env: ["RELAY_HOST": "default.test", "RELAY_PORT": "587"])
  }

  @Test("a large preview: every route and diagnostic as computed one by one", arguments: ["13.3.1", "15.1.0"])
  func largePreviewMatchesSerial(version: String) throws {
    let config = Self.largeConfiguration(domains: 12_000)
    let preview = try preview(config, version)
    #expect(preview.routes.count > 2 * 2048)
    let serial =
      preview.senders.domains.map { preview.router.route($0.sender) }
      + preview.senders.addresses.map { preview.router.route($0) } + [preview.router.route("<>")]
    #expect(preview.routes == serial)
    let context = Checks.Context(
      configuration: config, version: preview.version, state: preview.state, router: preview.router,
      routes: serial)
    #expect(preview.diagnostics == Checks.run(context))
    #expect(preview.has(.prefixCollision) || version == "15.1.0")
    #expect(preview.has(.relayWithoutCredentials))
  }
}
