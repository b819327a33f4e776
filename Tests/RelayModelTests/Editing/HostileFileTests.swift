import Foundation
import Testing

@testable import RelayModel

/// Issue 11: the file-level promises the reliability trial found broken (§1, §6, §7, §9,
/// §10, §11), each checked on real files in a temp folder.
@Suite("FileStore under hostile files and concurrent writers", .serialized)
struct HostileFileTests {
  func relayMapPlan(_ folder: TempFolder, name: String = "postfix-relaymap.cf", old: String?, new: String) -> WritePlan {
    WritePlan(files: [
      WritePlan.File(
        path: folder.file(name), kind: .relayMap, originalBytes: Array((old ?? "").utf8), newBytes: Array(new.utf8),
        existed: old != nil)
    ])
  }

  @Test("§1 two threads editing the same file through the lock both keep their line")
  func concurrentEditsKeepBoth() async throws {
    let folder = try TempFolder()
    let config = folder.file("docker-data/dms/config")
    try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
    let source = ConfigurationSource(configDirectory: config, envFile: folder.file("none.env"))
    let rounds = 15
    for round in 0..<rounds {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for side in ["a", "b"] {
          group.addTask {
            _ = try source.write([.addDomain(domain: "p\(round)\(side).test", host: "r.test", port: 25)])
          }
        }
        try await group.waitForAll()
      }
    }
    let lines = folder.text("docker-data/dms/config/postfix-relaymap.cf")!.split(separator: "\n")
    #expect(lines.count == 2 * rounds)
    #expect(Set(lines).count == 2 * rounds)
  }

  @Test("§1 a second writer waits for the lock, then refuses with .locked (nothing written)")
  func lockTimesOut() throws {
    let folder = try TempFolder()
    try folder.write("postfix-relaymap.cf", "old\n")
    let held = try FileStore().lock(folders: [folder.path])
    defer { held.release() }
    // flock is per open file description: a second open in this process conflicts like
    // another process would.
    let store = FileStore(lockTimeout: 0.2)
    #expect(throws: WriteError.locked(folder: FileStore.canonicalFolder(folder.path), seconds: 1)) {
      try store.write(relayMapPlan(folder, old: "old\n", new: "new\n"))
    }
    #expect(folder.text("postfix-relaymap.cf") == "old\n")
    held.release()
    try store.write(relayMapPlan(folder, old: "old\n", new: "new\n"))
    #expect(folder.text("postfix-relaymap.cf") == "new\n")
  }

  @Test("§6 a FIFO, a device and a folder are refused without blocking, naming the path")
  func nonRegularFilesRefused() throws {
    let folder = try TempFolder()
    let fifo = folder.file("fifo.env")
    #expect(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createDirectory(atPath: folder.file("dir.env"), withIntermediateDirectories: true)
    #expect(throws: WriteError.notARegularFile(path: fifo, kind: "a FIFO")) { try FileStore.read(fifo) }
    #expect(throws: WriteError.notARegularFile(path: "/dev/zero", kind: "a character device")) {
      try FileStore.read("/dev/zero")
    }
    #expect(throws: WriteError.notARegularFile(path: folder.file("dir.env"), kind: "a folder")) {
      try FileStore.read(folder.file("dir.env"))
    }
    let source = ConfigurationSource(envFile: fifo, baseDirectory: folder.path)
    #expect(throws: ConfigurationLoadError.notARegularFile(path: fifo, kind: "a FIFO")) { try source.load() }
    #expect(ConfigurationLoadError.notARegularFile(path: fifo, kind: "a FIFO").description.contains("'\(fifo)' is not a regular file"))
  }

  @Test("§7 inputs over their size cap are refused: env 4 MB, compose 4 MB")
  func sizeCaps() throws {
    let folder = try TempFolder()
    let big = [UInt8](repeating: UInt8(ascii: "#"), count: ReadLimit.envFile + 1)
    let env = try folder.write("big.env", big)
    #expect(throws: ConfigurationLoadError.tooLarge(path: env, limit: ReadLimit.envFile)) {
      try ConfigurationSource(envFile: env, baseDirectory: folder.path).load()
    }
    let compose = try folder.write("compose.yaml", big)
    #expect(throws: ConfigurationLoadError.tooLarge(path: compose, limit: ReadLimit.composeFile)) {
      try ConfigurationSource(composeFile: compose, baseDirectory: folder.path).load()
    }
    #expect(throws: WriteError.tooLarge(path: env, limit: 100)) { try FileStore.read(env, limit: 100) }
    #expect(try FileStore.read(env, limit: big.count) == big)
  }

  @Test("§9 a failed multi-file write restores the first file with its mode (0600) and owner")
  func rollbackKeepsMode() throws {
    let folder = try TempFolder()
    try folder.write("a.env", "RELAY_PASSWORD=one\n", mode: 0o600)
    try folder.write("b.env", "RELAY_PASSWORD=two\n", mode: 0o600)
    try FileManager.default.createDirectory(atPath: folder.file("b.env.bak/keep"), withIntermediateDirectories: true)
    let plan = WritePlan(
      files: ["a.env", "b.env"].map { name in
        WritePlan.File(
          path: folder.file(name), kind: .envFile, originalBytes: folder.read(name)!, newBytes: Array("X=1\n".utf8),
          existed: true)
      })
    #expect(throws: WriteError.self) { try FileStore().write(plan) }
    #expect(folder.text("a.env") == "RELAY_PASSWORD=one\n")
    #expect(folder.text("b.env") == "RELAY_PASSWORD=two\n")
    #expect(folder.mode("a.env") == 0o600)
    #expect(folder.mode("b.env") == 0o600)
  }

  @Test("§10 a symbolic link is written through: the link stays, its target changes, the receipt says so")
  func symlinkWrittenThrough() throws {
    let folder = try TempFolder()
    try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: true)
    try folder.write("real/map.cf", "old\n", mode: 0o640)
    try FileManager.default.createSymbolicLink(atPath: folder.file("postfix-relaymap.cf"), withDestinationPath: "real/map.cf")
    let receipts = try FileStore().write(relayMapPlan(folder, old: "old\n", new: "new\n"))
    let target = FileStore.canonicalPath(folder.file("real/map.cf"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("postfix-relaymap.cf")) == "real/map.cf")
    #expect(folder.text("real/map.cf") == "new\n")
    #expect(folder.text("real/map.cf.bak") == "old\n")
    #expect(folder.mode("real/map.cf") == 0o640)
    #expect(receipts.first?.linkTarget == target)
    #expect(receipts.first?.summary.contains("through the symbolic link to \(target)") == true)
  }

  @Test("§10 a dangling link is refused and left alone")
  func danglingLinkRefused() throws {
    let folder = try TempFolder()
    try FileManager.default.createSymbolicLink(atPath: folder.file("postfix-relaymap.cf"), withDestinationPath: "gone.cf")
    #expect(throws: WriteError.danglingSymlink(path: folder.file("postfix-relaymap.cf"), target: "gone.cf")) {
      try FileStore().write(relayMapPlan(folder, old: nil, new: "new\n"))
    }
    #expect(FileManager.default.fileExists(atPath: folder.file("gone.cf")) == false)
  }

  @Test("§11 stale temps of our pattern are removed under the lock and reported; others stay")
  func staleTempsRemoved() throws {
    let folder = try TempFolder()
    try folder.write("postfix-relaymap.cf", "old\n")
    try folder.write(".postfix-relaymap.cf.dms-relay-Ab12Cd", "half")
    try folder.write(".postfix-relaymap.cf.bak.dms-relay-zz99ZZ", "half")
    try folder.write(".keep.dms-relay-short", "x")
    try folder.write("other.dms-relay-Ab12Cd", "x")
    let receipts = try FileStore().write(relayMapPlan(folder, old: "old\n", new: "new\n"))
    let names = Set(folder.snapshot().keys)
    #expect(!names.contains(".postfix-relaymap.cf.dms-relay-Ab12Cd"))
    #expect(!names.contains(".postfix-relaymap.cf.bak.dms-relay-zz99ZZ"))
    #expect(names.contains(".keep.dms-relay-short") && names.contains("other.dms-relay-Ab12Cd"))
    let canonical = FileStore.canonicalFolder(folder.path)
    #expect(
      receipts[0].notes == [
        FileStore.staleTempNote("\(canonical)/.postfix-relaymap.cf.bak.dms-relay-zz99ZZ"),
        FileStore.staleTempNote("\(canonical)/.postfix-relaymap.cf.dms-relay-Ab12Cd"),
      ])
  }
}
