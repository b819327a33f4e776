import Testing

@testable import RelayModel

/// Issue 14 fix 11: editing credentials keeps the password unless it is typed, and a
/// redacted diff says when the password changed.
@Suite("Editing credentials: keep the password, say when it changed")
struct CredentialsEditTests {
  static func state() -> AppState {
    AppFixture.state(
      AppFixture.loaded(
        [
          AccountsFile.fileName: "u@a.test|{SHA512-CRYPT}x\n",
          SaslPasswordFile.fileName: "@a.test apikey:old-secret\n",
          RelayMapFile.fileName: "@a.test [smtp.relay.test]:587\n",
        ], version: "15.1.0"))
  }

  @Test("only the user changed: no retyping, the old password is kept")
  func userOnly() {
    var store = AppTestStore(Self.state())
    store.press(.character("3"), .character("e"))
    #expect(store.state.dialog?.title == "Credentials for @a.test")
    #expect(store.state.dialog?.field(.password)?.hint == "empty keeps the current one")
    // The locked domain is skipped: focus starts on the user.
    store.press(.control("u"))
    store.type("new-user")
    store.press(.enter)
    #expect(store.state.dialog == nil)
    #expect(store.state.workspace.edits == [.addAuth(domain: "a.test", user: "new-user", password: "old-secret")])
    #expect(store.state.derived.changes.contains(ChangeLine(.added, "+@a.test new-user:<redacted>")))
    #expect(!store.state.derived.changes.contains { $0.text.contains("old-secret") || $0.text.contains("password changed") })
  }

  @Test("only the password changed: the redacted diff says so")
  func passwordOnly() {
    var store = AppTestStore(Self.state())
    store.press(.character("3"), .character("e"))
    store.press(.tab)
    store.type("new-secret")
    store.press(.enter)
    #expect(store.state.workspace.edits == [.addAuth(domain: "a.test", user: "apikey", password: "new-secret")])
    #expect(store.state.derived.changes.contains(ChangeLine(.removed, "-@a.test apikey:<redacted>")))
    #expect(store.state.derived.changes.contains(ChangeLine(.added, "+@a.test apikey:<redacted>   (password changed)")))
    #expect(!store.state.derived.changes.contains { $0.text.contains("secret") })
  }

  @Test("the diff marks a changed env password too, and nothing when only a user changed")
  func diffNote() {
    let env = UnifiedDiff.render(
      old: Array("RELAY_USER=u\nRELAY_PASSWORD=one\n".utf8), new: Array("RELAY_USER=u\nRELAY_PASSWORD=two\n".utf8),
      name: "mailserver.env", redaction: .envFile)
    #expect(env.contains("+RELAY_PASSWORD=<redacted>   (password changed)\n"))
    let sameSecret = UnifiedDiff.render(
      old: Array("@a.test one:pw\n".utf8), new: Array("@a.test two:pw\n".utf8), name: "postfix-sasl-password.cf",
      redaction: .saslPasswords)
    #expect(!sameSecret.contains("password changed"))
    let shown = UnifiedDiff.render(
      old: Array("@a.test u:one\n".utf8), new: Array("@a.test u:two\n".utf8), name: "postfix-sasl-password.cf")
    #expect(!shown.contains("password changed"))
  }
}
