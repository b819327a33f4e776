import Foundation

/// A scratch folder removed when the test ends.
final class TempFolder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory
      .appendingPathComponent("dms-relay-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    // Restore permissions a test may have removed, so the folder can be deleted.
    if let items = FileManager.default.enumerator(atPath: path) {
      for case let item as String in items {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(path)/\(item)")
      }
    }
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    try? FileManager.default.removeItem(atPath: path)
  }

  func file(_ name: String) -> String { "\(path)/\(name)" }

  @discardableResult
  func write(_ name: String, _ text: String, mode: Int? = nil) throws -> String {
    try write(name, Array(text.utf8), mode: mode)
  }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8], mode: Int? = nil) throws -> String {
    let target = file(name)
    let folder = (target as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: target))
    if let mode { try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target) }
    return target
  }

  func read(_ name: String) -> [UInt8]? {
    FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) }
  }

  func text(_ name: String) -> String? { read(name).map { String(decoding: $0, as: UTF8.self) } }

  func mode(_ name: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: file(name)))?[.posixPermissions] as? Int
  }

  /// Every file's name and bytes, to check that nothing changed (the empty write lock file
  /// aside: a write attempt creates it and it stays).
  func snapshot() -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for case let item as String in FileManager.default.enumerator(atPath: path) ?? .init()
    where !item.hasSuffix(".dms-relay.lock") {
      if let bytes = read(item) { result[item] = bytes }
    }
    return result
  }
}
