import Testing

@testable import RelayModel

@Suite("App reducer: dialogs validate as you type and become pending edits")
struct DialogTests {
  @Test("a opens the add-domain dialog: sender domain, relay host, port, then the opt-out toggle")
  func addDialogFields() {
    var store = AppTestStore(AppFixture.demoState())
    store.send(.character("a")) { $0.destination = .dialog(.relayMapping()) }
    let dialog = store.state.dialog!
    #expect(dialog.fields.map(\.label) == ["Sender domain", "Relay host", "Port", "Opt out"])
    #expect(dialog.fields.map(\.name) == [.domain, .host, .port, .optOut])
    #expect(dialog.focus == 0)
    #expect(dialog.field(.port)?.text == "587")
  }

  @Test("typing validates each field; Enter is refused while a field is invalid")
  func refusesInvalid() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("a"))
    store.type("bad_domain")
    #expect(store.state.dialog?.field(.domain)?.visibleProblem == "contains '_'; only letters, digits, '-' and '.' are allowed")
    store.press(.tab)
    store.type("smtp.relay.test:587")
    #expect(store.state.dialog?.field(.host)?.visibleProblem == "must not contain a port or ':'; give the port as its own argument")
    store.press(.tab)
    store.type("70000")
    #expect(store.state.dialog?.field(.port)?.visibleProblem == "'70000' is out of range (expected 1-65535)".replacingOccurrences(of: "'70000' ", with: ""))
    var dialog = store.state.dialog!
    store.send(.enter) {
      dialog.revealProblems()
      dialog.error = "fix the marked field first"
      $0.destination = .dialog(dialog)
    }
    #expect(store.state.dialog?.focus == 0)
    #expect(!store.state.hasUnsavedChanges)
  }

  @Test("the port field's pre-filled 587 is replaced by the first key typed into it")
  func pristinePort() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("a"), .tab, .tab)
    store.type("2525")
    #expect(store.state.dialog?.field(.port)?.text == "2525")
    store.press(.backspace)
    #expect(store.state.dialog?.field(.port)?.text == "252")
  }

  @Test("a valid dialog becomes a pending edit, the preview updates at once, nothing is written")
  func addDomain() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("a"))
    store.type("corp.example")
    store.press(.tab)
    store.type("smtp.relay.test")
    store.press(.tab)
    store.type("2525")
    store.send(.enter) {
      $0.destination = nil
      $0.edits = [.addDomain(domain: "corp.example", host: "smtp.relay.test", port: 2525)]
      $0.status = StatusMessage(
        "pending: route '@corp.example' via [smtp.relay.test]:2525 — w writes, u undoes", .success)
      $0.positions[.domains] = ListPosition(selected: 6, scroll: 0)
    }
    let row = store.state.derived.domains[6]
    #expect(row.name == "corp.example")
    #expect(row.relayEntry == .relay(domain: "corp.example", value: "[smtp.relay.test]:2525", line: 8))
    #expect(row.route.nexthop == "[smtp.relay.test]:2525")
    #expect(store.state.workspace.plan.files.map(\.path) == ["/demo/docker-data/dms/config/postfix-relaymap.cf"])
    #expect(store.state.derived.changes.contains(ChangeLine(.added, "+@corp.example [smtp.relay.test]:2525")))
  }

  @Test("an opt-out skips host and port and writes '@domain '")
  func optOutDialog() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("a"))
    store.type("direct.example")
    store.press(.backTab)
    #expect(store.state.dialog?.fields[store.state.dialog!.focus].name == .optOut)
    store.press(.character(" "))
    #expect(store.state.dialog?.field(.host)?.isDisabled == true)
    #expect(store.state.dialog?.isValid == true)
    store.press(.enter)
    #expect(store.state.workspace.edits == [.excludeDomain(domain: "direct.example")])
  }

  @Test("Esc cancels a dialog and changes nothing")
  func cancel() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("a"))
    store.type("corp.example")
    store.send(.escape) {
      $0.destination = nil
      $0.status = StatusMessage("cancelled: nothing changed")
    }
  }

  @Test("e edits the selected domain's relay with its values filled in and the domain locked")
  func editExisting() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.down)
    store.send(.character("e")) {
      $0.destination = .dialog(
        .relayMapping(domain: "shop.example.net", host: "smtp.mailgun.org", port: "587", isEditing: true))
    }
    #expect(store.state.dialog?.focus == 1)
    store.type("smtp.eu.mailgun.org")
    store.press(.enter)
    #expect(store.state.workspace.edits == [.addDomain(domain: "shop.example.net", host: "smtp.eu.mailgun.org", port: 587)])
    #expect(store.state.derived.changes.contains(ChangeLine(.removed, "-@shop.example.net [smtp.mailgun.org]:587")))
  }

  @Test("credentials: password masked unless revealed, never in the status or the diff; fixes the headline")
  func credentials() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("3"), .character("a"))
    #expect(store.state.dialog?.kind == .credentials)
    store.type("example.com")
    store.press(.tab)
    store.type("apikey")
    store.press(.tab)
    store.type("s3cret pass")
    #expect(store.state.dialog?.field(.password)?.isSecret == true)
    #expect(store.state.dialog?.isPasswordRevealed == false)
    store.press(.control("r"))
    #expect(store.state.dialog?.isPasswordRevealed == true)
    store.press(.enter)
    #expect(store.state.workspace.edits == [.addAuth(domain: "example.com", user: "apikey", password: "s3cret pass")])
    #expect(store.state.status?.text.contains("s3cret") == false)
    #expect(!store.state.derived.changes.contains { $0.text.contains("s3cret") })
    #expect(store.state.derived.changes.contains(ChangeLine(.added, "+@example.com apikey:<redacted>")))
    #expect(store.state.derived.headline == nil)
    #expect(store.state.derived.credentials.map(\.key) == ["@example.com"])
    #expect(store.state.positions[.credentials] == ListPosition(selected: 0, scroll: 0))
  }

  @Test("E sets RELAY_USER and RELAY_PASSWORD in the env file; the smtp client no longer dies")
  func environmentToEnvFile() {
    var store = AppTestStore(AppFixture.demoState())
    let workspace = store.state.workspace
    store.send(.character("E")) {
      $0.destination = .dialog(
        .environment(workspace.configuration.environment, location: { workspace.envLocation(for: $0) }))
    }
    #expect(store.state.dialog?.field(.env("RELAY_HOST"))?.text == "smtp.sendgrid.net")
    #expect(store.state.dialog?.field(.env("RELAY_HOST"))?.hint == "→ mailserver.env")
    store.press(.tab, .tab)
    store.type("apikey")
    store.press(.tab)
    store.type("pw")
    store.press(.enter)
    #expect(
      store.state.workspace.edits == [
        .setEnv(key: "RELAY_USER", value: "apikey"), .setEnv(key: "RELAY_PASSWORD", value: "pw"),
      ])
    #expect(store.state.status?.text == "pending: set RELAY_USER='apikey'; set RELAY_PASSWORD — w writes, u undoes")
    #expect(store.state.workspace.configuration.environment.origins["RELAY_USER"] == .envFile(path: AppFixture.envFile, line: 10))
    #expect(store.state.derived.headline == nil)
    #expect(store.state.derived.credentials.first?.origin == .environment)
    #expect(store.state.derived.changes.contains(ChangeLine(.added, "+RELAY_PASSWORD=<redacted>")))
  }

  @Test("variables set inline in compose are shown as a snippet to paste, not written")
  func composeSnippet() {
    let compose = ComposeService(
      file: "/demo/compose.yaml", name: "mailserver",
      environment: [ComposeService.Variable(key: "RELAY_HOST", value: "smtp.sendgrid.net", line: 7)])
    var store = AppTestStore(AppFixture.state(AppFixture.demo(compose: compose)))
    store.press(.character("E"))
    #expect(store.state.dialog?.field(.env("RELAY_HOST"))?.hint == "→ snippet for compose.yaml")
    store.press(.control("u"))
    store.type("smtp.mailgun.org")
    store.press(.enter)
    guard case .notice(let notice)? = store.state.destination else {
      Issue.record("expected the snippet notice, got \(String(describing: store.state.destination))")
      return
    }
    #expect(notice.title == "Compose snippet")
    #expect(notice.lines.contains("      - RELAY_HOST=smtp.mailgun.org"))
    #expect(store.state.workspace.edits.isEmpty)
    // Any key closes it; S shows it again (issue 14 fix 12).
    store.press(.character("j"))
    #expect(store.state.destination == nil)
    #expect(store.state.status?.text == "S shows the compose snippet again")
    store.press(.character("S"))
    #expect(store.state.destination == .notice(notice))
  }

  @Test("S without a snippet says so")
  func noSnippet() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("S"))
    #expect(store.state.destination == nil)
    #expect(store.state.status?.text == "no compose snippet yet: E shows one for variables set inline in compose")
  }

  @Test("t routes a typed address live on the selected version")
  func routeAddress() {
    var store = AppTestStore(AppFixture.demoState())
    store.press(.character("4"), .down)
    store.press(.character("t"))
    #expect(store.state.dialog?.field(.address)?.text == "postmaster@shop.example.net")
    store.type("x@")
    #expect(store.state.dialog?.routeResult == nil)
    store.type("newsletter.example.org")
    let route = store.state.dialog?.routeResult
    #expect(route?.nexthop == "[email-smtp.eu-west-1.amazonaws.com]:465")
    #expect(route?.outcome == .error)
    store.send(.enter) {
      $0.destination = nil
      $0.status = StatusMessage("x@newsletter.example.org: \(route!.summary)")
    }
  }
}
