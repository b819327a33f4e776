#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Testing
@testable import RelayModel

typealias PlanRandom = SeededGenerator

/// Random small configurations and intents over a fixed pool of names, so collisions
/// (prefixes, letter case, stale entries, env credentials) happen often.
enum PlanCases {
  static let domains = ["a.test", "b.test", "c.test", "example.com", "example.com.au", "new.test"]
  static let relays = [
    sendgrid,
    mailgun,
    Relay(host: "relay.internal.test", port: 25),
    Relay(host: "smtp.sendgrid.net", port: 2525, credentials: RelayCredentials(user: "apikey", password: "SG.secret")),
  ]

  static func configuration(_ rng: inout PlanRandom) -> Configuration {
    var accounts = ""
    for domain in domains.dropLast() where rng.chance(0.6) {
      accounts += "user@\(rng.chance(0.1) ? domain.uppercased() : domain)|{SHA512-CRYPT}x\n"
    }
    var virtual: String?
    if rng.chance(0.4) { virtual = "alias@\(rng.pick(domains.dropLast())) user@a.test\n" }
    var relayMap: String?
    if rng.chance(0.6) {
      let lines = [
        "@a.test [smtp.old.test]:587", "@A.TEST [smtp.old.test]:25", "@b.test ", "@c.test",
        "@example.com.au [smtp.au.test]:587", "# comment", "boss@a.test [smtp.boss.test]:587",
        "@b.test [smtp.sendgrid.net]:587", "@z.test [smtp.z.test]:25", "@c.test [smtp.mailgun.org]:587",
      ]
      relayMap = (0..<Int.random(in: 1...4, using: &rng)).map { _ in rng.pick(lines) + "\n" }.joined()
      if rng.chance(0.1) { relayMap!.removeLast() }
      if rng.chance(0.1) { relayMap = relayMap!.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") }
    }
    var sasl: String?
    if rng.chance(0.5) {
      let lines = [
        "@a.test olduser:oldpass", "[smtp.sendgrid.net]:587 old:old", "smtp.mailgun.org x:y",
        "@b.test apikey:SG.secret", "@C.TEST u:p", "[smtp.sendgrid.net]:587 apikey:SG.secret",
      ]
      sasl = (0..<Int.random(in: 0...3, using: &rng)).map { _ in rng.pick(lines) + "\n" }.joined()
      if rng.chance(0.15), !sasl!.isEmpty { sasl!.removeLast() }
    }
    var env: [String: String] = [:]
    if rng.chance(0.4) { env["RELAY_HOST"] = rng.pick(["smtp.sendgrid.net", "smtp.old.test", "relay.internal.test"]) }
    if rng.chance(0.3) { env["RELAY_PORT"] = rng.pick(["587", "25", "2525"]) }
    if rng.chance(0.25) {
      let (user, password) = rng.pick([("apikey", "SG.secret"), ("old", "old")])
      env["RELAY_USER"] = user
      env["RELAY_PASSWORD"] = password
    }
    if rng.chance(0.05) {
      env["ACCOUNT_PROVISIONER"] = "LDAP"
      env["DOMAINNAME"] = rng.pick(domains.dropLast())
    }
    if rng.chance(0.05) { env["ENABLE_SRS"] = "1" }
    if rng.chance(0.2) { env["DEFAULT_RELAY_HOST"] = rng.pick(["[smtp.old.test]:25", "[smtp.sendgrid.net]:587"]) }
    return RelayModelTests.configuration(
      relayMap: relayMap, sasl: sasl, accounts: accounts.isEmpty ? nil : accounts, virtual: virtual, env: env)
  }

  static func destination(_ rng: inout PlanRandom) -> RoutingIntent.Destination {
    rng.chance(0.35) ? .direct : .relay(rng.pick(relays))
  }

  static func intent(_ rng: inout PlanRandom) -> RoutingIntent {
    var intent = RoutingIntent(otherDomains: rng.chance(0.6) ? .direct : destination(&rng))
    for domain in domains where rng.chance(0.4) { intent.set(domain, to: destination(&rng)) }
    return intent
  }
}

@Suite("Planner: random intents × versions")
struct PlannerPropertyTests {
  static let versions = ["11.3.1", "13.3.1", "15.1.0"]

  @Test("the engine routes the planned configuration as intended, or the plan says why", arguments: 0..<6)
  func plannedRoutingMatchesIntent(batch: Int) throws {
    var exact = 0
    for index in 0..<60 {
      let seed = UInt64(batch * 1000 + index)
      var rng = PlanRandom(seed: seed)
      let config = PlanCases.configuration(&rng)
      let intent = PlanCases.intent(&rng)
      let version = try DMSVersion.parse(rng.pick(Self.versions))
      let plan: RelayPlan
      do {
        plan = try Planner(configuration: config, version: version).plan(intent)
      } catch {
        Issue.record("seed \(seed) on \(version): planner threw \(error)")
        continue
      }

      // Replay the steps on the original configuration: the plan's own result is not trusted.
      var replayed = config
      for step in plan.steps { _ = try step.apply(to: &replayed) }
      #expect(replayed == plan.planned, "seed \(seed)")
      let verifier = Verifier(configuration: replayed, family: version.family)
      var senders = Planner(configuration: config, version: version).verifiedDomains(intent).map { Optional($0) }
      senders.append(nil)
      let explained = Set(plan.limitations.map(\.domain))
      for sender in senders {
        let route = verifier.route(sender ?? Planner.unknownDomain)
        let wanted = sender.map(intent.destination(for:)) ?? intent.otherDomains
        let ok = verifier.matches(route, wanted)
        #expect(
          ok || explained.contains(sender),
          "seed \(seed) on \(version): \(sender ?? "other") wanted \(wanted), got \(route.summary), unexplained; steps: \(plan.steps.map(\.summary))"
        )
        #expect(!ok || !explained.contains(sender), "seed \(seed): \(sender ?? "other") matches but is listed as a limitation")
      }
      if plan.isExact {
        exact += 1
        // Planning again on the result changes nothing: the plan was complete.
        let again = try Planner(configuration: replayed, version: version).plan(intent)
        #expect(again.steps.isEmpty, "seed \(seed) on \(version): replanning gives \(again.steps.map(\.summary))")
      } else {
        // Only an intent with a default relay and direct domains may be inexact, or one
        // whose senders postsrsd rewrites before the lookup (ENABLE_SRS=1, spec §9).
        let directNamed = intent.domains.contains { $0.destination == .direct }
        #expect(
          intent.otherDomains != .direct && directNamed || config.environment["ENABLE_SRS"] == "1",
          "seed \(seed) on \(version): inexact plan \(plan.limitations.map(\.description))")
      }
      for step in plan.steps {
        #expect(!step.summary.contains("secret") && !step.reason.contains("secret"), "seed \(seed): \(step)")
        #expect(!step.reason.isEmpty && !step.reason.contains("\n"), "seed \(seed): \(step.summary) needs a one-line reason")
      }
    }
    #expect(exact > 30)
  }
}

/// `PLAN_SEED=1036 swift test --filter PlannerSeedDump` prints one case in full, every
/// strategy's plan, and checks that the planner's choice is one of them.
@Suite("Planner: seed dump")
struct PlannerSeedDump {
  @Test("dump", .enabled(if: seedToDump != nil))
  func dump() throws {
    let seed = seedToDump!
    var rng = PlanRandom(seed: seed)
    let config = PlanCases.configuration(&rng)
    let intent = PlanCases.intent(&rng)
    let version = try DMSVersion.parse(rng.pick(PlannerPropertyTests.versions))
    print("version \(version)\nenv \(config.environment.values)")
    print("relaymap:\n\(config.relayMap?.document.text ?? "(none)")\nsasl:\n\(config.saslPasswords?.document.text ?? "(none)")")
    print("accounts:\n\(config.accounts?.document.text ?? "(none)")\nvirtual:\n\(config.virtual?.document.text ?? "(none)")")
    print("intent: \(intent.domains.map { "\($0.domain) \($0.destination)" }) other \(intent.otherDomains)")
    let planner = Planner(configuration: config, version: version)
    var strategies: [PlanStrategy] = []
    for strategy in planner.strategies(intent, domains: planner.verifiedDomains(intent)) {
      do {
        let plan = try planner.build(strategy, intent: intent, domains: planner.verifiedDomains(intent))
        strategies.append(strategy)
        print("== \(strategy): exact \(plan.isExact)")
        for step in plan.steps { print("  \(step)") }
        for l in plan.limitations { print("  ! \(l)") }
      } catch {
        print("== \(strategy): threw \(error)")
      }
    }
    let chosen = try planner.plan(intent)
    #expect(strategies.contains(chosen.strategy), "seed \(seed): chose \(chosen.strategy) of \(strategies)")
  }
}

let seedToDump: UInt64? = {
  guard let text = getenv("PLAN_SEED") else { return nil }
  return UInt64(String(cString: text))
}()
