import Foundation
import Testing

@testable import RelayModel

@Suite("FileStore writes plans atomically, with backups, or not at all")
struct FileStoreTests {
  func plan(_ folder: TempFolder, _ entries: [(String, WritePlan.FileKind, String?, String)]) -> WritePlan {
    WritePlan(files: entries.map { name, kind, old, new in
      WritePlan.File(
        path: folder.file(name), kind: kind, originalBytes: Array((old ?? "").utf8),
        newBytes: Array(new.utf8), existed: old != nil)
    })
  }

  @Test("writes new bytes, keeps the previous version as NAME.bak and the file's mode")
  func writesWithBackup() throws {
    let folder = try TempFolder()
    try folder.write("postfix-relaymap.cf", "old\n", mode: 0o640)
    let receipts = try FileStore().write(plan(folder, [("postfix-relaymap.cf", .relayMap, "old\n", "new\n")]))
    #expect(folder.text("postfix-relaymap.cf") == "new\n")
    #expect(folder.text("postfix-relaymap.cf.bak") == "old\n")
    #expect(folder.mode("postfix-relaymap.cf") == 0o640)
    #expect(folder.mode("postfix-relaymap.cf.bak") == 0o640)
    #expect(receipts == [FileStore.Receipt(
      path: folder.file("postfix-relaymap.cf"), backupPath: folder.file("postfix-relaymap.cf.bak"),
      created: false, notes: [])])
    #expect(receipts[0].summary == "wrote \(folder.file("postfix-relaymap.cf")) (previous version: \(folder.file("postfix-relaymap.cf.bak")))")
    // No temp files are left behind.
    #expect(Set(folder.snapshot().keys) == ["postfix-relaymap.cf", "postfix-relaymap.cf.bak"])
  }

  @Test("the backup is overwritten each time")
  func backupOverwritten() throws {
    let folder = try TempFolder()
    try folder.write("a.cf", "one\n")
    try FileStore().write(plan(folder, [("a.cf", .other, "one\n", "two\n")]))
    try FileStore().write(plan(folder, [("a.cf", .other, "two\n", "three\n")]))
    #expect(folder.text("a.cf") == "three\n")
    #expect(folder.text("a.cf.bak") == "two\n")
  }

  @Test("creates postfix-sasl-password.cf with 0600, other new files 0644, no backup")
  func newFileModes() throws {
    let folder = try TempFolder()
    let receipts = try FileStore().write(plan(folder, [
      ("postfix-sasl-password.cf", .saslPasswords, nil, "@a.test u:p\n"),
      ("postfix-relaymap.cf", .relayMap, nil, "@a.test [h]:25\n"),
    ]))
    #expect(folder.mode("postfix-sasl-password.cf") == 0o600)
    #expect(folder.mode("postfix-relaymap.cf") == 0o644)
    #expect(folder.read("postfix-sasl-password.cf.bak") == nil)
    #expect(receipts.map(\.created) == [true, true])
    #expect(receipts[0].summary == "created \(folder.file("postfix-sasl-password.cf"))")
  }

  @Test("forces 0600 on an existing sasl file and its backup")
  func saslForced() throws {
    let folder = try TempFolder()
    try folder.write("postfix-sasl-password.cf", "@a.test u:p\n", mode: 0o644)
    try FileStore().write(plan(folder, [("postfix-sasl-password.cf", .saslPasswords, "@a.test u:p\n", "@a.test u:q\n")]))
    #expect(folder.mode("postfix-sasl-password.cf") == 0o600)
    #expect(folder.mode("postfix-sasl-password.cf.bak") == 0o600)
  }

  @Test("keeps other files' modes untouched")
  func otherFilesUntouched() throws {
    let folder = try TempFolder()
    try folder.write("postfix-accounts.cf", "a@a.test|{X}y\n", mode: 0o600)
    try folder.write("postfix-relaymap.cf", "x\n", mode: 0o664)
    try FileStore().write(plan(folder, [("postfix-relaymap.cf", .relayMap, "x\n", "y\n")]))
    #expect(folder.mode("postfix-accounts.cf") == 0o600)
    #expect(folder.text("postfix-accounts.cf") == "a@a.test|{X}y\n")
    #expect(folder.mode("postfix-relaymap.cf") == 0o664)
  }

  @Test("refuses when a file changed on disk since it was read, writing nothing")
  func changedOnDisk() throws {
    let folder = try TempFolder()
    try folder.write("a.cf", "one\n")
    try folder.write("b.cf", "changed by someone\n")
    let before = folder.snapshot()
    #expect(throws: WriteError.fileChangedOnDisk(folder.file("b.cf"))) {
      try FileStore().write(plan(folder, [("a.cf", .other, "one\n", "two\n"), ("b.cf", .other, "b\n", "c\n")]))
    }
    #expect(folder.snapshot() == before)
    #expect(WriteError.fileChangedOnDisk("/x/a.cf").description
      == "'/x/a.cf' changed on disk since it was read; nothing was written. Reload and try again")
  }

  @Test("a file that appeared since reading counts as changed; one that vanished too")
  func appearedOrVanished() throws {
    let folder = try TempFolder()
    try folder.write("new.cf", "surprise\n")
    #expect(throws: WriteError.fileChangedOnDisk(folder.file("new.cf"))) {
      try FileStore().write(plan(folder, [("new.cf", .other, nil, "mine\n")]))
    }
    #expect(folder.text("new.cf") == "surprise\n")
    #expect(throws: WriteError.fileChangedOnDisk(folder.file("gone.cf"))) {
      try FileStore().write(plan(folder, [("gone.cf", .other, "was here\n", "x\n")]))
    }
    #expect(folder.read("gone.cf") == nil)
  }

  @Test("an unchanged plan writes nothing, not even a backup")
  func emptyPlan() throws {
    let folder = try TempFolder()
    try folder.write("a.cf", "same\n")
    let receipts = try FileStore().write(plan(folder, [("a.cf", .other, "same\n", "same\n")]))
    #expect(receipts.isEmpty)
    #expect(folder.read("a.cf.bak") == nil)
  }

  @Test("a folder without write permission: permission error, nothing changed", .enabled(if: getuid() != 0))
  func permissionDenied() throws {
    let folder = try TempFolder()
    try folder.write("sub/a.cf", "one\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.file("sub"))
    #expect(throws: WriteError.permissionDenied(path: folder.file("sub/a.cf.bak"))) {
      try FileStore().write(plan(folder, [("sub/a.cf", .other, "one\n", "two\n")]))
    }
    #expect(folder.text("sub/a.cf") == "one\n")
  }

  @Test("a missing folder: cannot create")
  func missingFolder() throws {
    let folder = try TempFolder()
    do {
      try FileStore().write(plan(folder, [("nope/a.cf", .other, nil, "x\n")]))
      Issue.record("wrote into a missing folder")
    } catch {
      #expect(error == .cannotCreate(path: folder.file("nope/a.cf"), reason: "No such file or directory"))
      #expect(error.description == "cannot create '\(folder.file("nope/a.cf"))': No such file or directory; nothing was written")
    }
  }

  @Test("reading: nil for a missing file, exact bytes otherwise")
  func read() throws {
    let folder = try TempFolder()
    let bytes: [UInt8] = [0xFF, 0x0D, 0x0A, 0x00, 0x41]
    try folder.write("x", bytes)
    #expect(try FileStore.read(folder.file("x")) == bytes)
    #expect(try FileStore.read(folder.file("y")) == nil)
  }
}
