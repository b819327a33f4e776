import Testing

@testable import RelayModel

@Suite("Workspace: pending edits over the files as read")
struct WorkspaceTests {
  @Test("apply, then undo, gives back the configuration and an empty plan")
  func applyUndo() throws {
    var workspace = Workspace(AppFixture.demo())
    let before = workspace.configuration
    try workspace.apply(.addDomain(domain: "corp.example", host: "smtp.relay.test", port: 587))
    #expect(workspace.hasPendingChanges)
    #expect(workspace.configuration.relayMap?.document.text.hasSuffix("@corp.example [smtp.relay.test]:587\n") == true)
    #expect(workspace.undo() == .addDomain(domain: "corp.example", host: "smtp.relay.test", port: 587))
    #expect(workspace.configuration == before)
    #expect(!workspace.hasPendingChanges)
    #expect(workspace.undo() == nil)
  }

  @Test("an edit that changes no byte is not recorded")
  func noOp() throws {
    var workspace = Workspace(AppFixture.demo())
    let notes = try workspace.apply(.addDomain(domain: "shop.example.net", host: "smtp.mailgun.org", port: 587))
    #expect(notes == ["postfix-relaymap.cf:2: already '@shop.example.net [smtp.mailgun.org]:587'; nothing to change"])
    #expect(workspace.edits.isEmpty)
  }

  @Test("an edit that cannot apply throws and changes nothing")
  func failure() {
    var workspace = Workspace(AppFixture.demo())
    #expect(throws: EditError.nothingToRemove(file: "postfix-relaymap.cf", what: "no line starts with '@nowhere.example'")) {
      try workspace.apply(.delDomain(domain: "nowhere.example"))
    }
    #expect(workspace.edits.isEmpty)
  }

  @Test("markWritten makes the new bytes the originals")
  func written() throws {
    var workspace = Workspace(AppFixture.demo())
    try workspace.apply(.setEnv(key: "RELAY_USER", value: "apikey"))
    let file = workspace.plan.files[0]
    #expect(file.path == AppFixture.envFile)
    workspace.markWritten()
    #expect(workspace.loaded.originals[AppFixture.envFile] == file.newBytes)
    #expect(workspace.loaded.configuration.environment["RELAY_USER"] == "apikey")
    #expect(!workspace.hasPendingChanges)
    #expect(workspace.edits.isEmpty)
  }
}
