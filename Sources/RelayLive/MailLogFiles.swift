#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where DMS's mail log is on the host: its compose file mounts
/// `./docker-data/dms/mail-logs/` at `/var/log/mail/`, beside the config folder
/// (`./docker-data/dms/config/`). logrotate leaves `mail.log.1`, `mail.log.2.gz`, … or
/// `mail.log-20261205(.gz)` with `dateext`.
public enum MailLogFiles {
  /// The `mail-logs` folder beside `configDirectory`.
  public static func folder(besideConfig configDirectory: String) -> String {
    var parent = configDirectory
    while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
    if let slash = parent.lastIndex(of: "/") {
      parent = String(parent[..<slash])
      if parent.isEmpty { parent = "/" }
    } else {
      parent = "."
    }
    return parent + "/mail-logs"
  }

  /// `mail.log` and its rotations in `folder`, oldest first (so the join sees time in order).
  public static func rotations(in folder: String, name: String = "mail.log") -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var numbered: [(Int, String)] = []
    var dated: [String] = []
    var current: String?
    while let entry = readdir(dir) {
      let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if file == name {
        current = file
        continue
      }
      guard file.hasPrefix(name), file.count > name.count else { continue }
      var rest = String(file.dropFirst(name.count))
      if rest.hasSuffix(".gz") { rest.removeLast(3) }
      if rest.hasPrefix("."), let n = Int(rest.dropFirst()) {
        numbered.append((n, file))
      } else if rest.hasPrefix("-"), rest.dropFirst().allSatisfy(\.isNumber) {
        dated.append(file)
      }
    }
    let ordered = dated.sorted() + numbered.sorted { $0.0 > $1.0 }.map(\.1) + (current.map { [$0] } ?? [])
    return ordered.map { folder + "/" + $0 }
  }
}
