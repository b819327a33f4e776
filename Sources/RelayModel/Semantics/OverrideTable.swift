/// A lookup table an override names, as the preview can (or cannot) read it (spec §8).
public enum OverrideTable: Hashable, Sendable {
  /// No table: the setting is empty or unset.
  case none
  /// DMS's own `/etc/postfix/relayhost_map` or `sasl_passwd`; `written`: DMS wrote it for
  /// this configuration in the form named (else every lookup fails: DMS never writes the
  /// `.db` a `hash:` table needs).
  case dms(written: Bool)
  /// A file of the config folder (`texthash:/tmp/docker-mailserver/NAME`, or `hash:` read
  /// from its source file NAME); nil document: the file is not there.
  case configFolder(name: String, document: TextDocument?)
  /// Anything else (`tcp:`, `ldap:`, a path outside the config folder or one
  /// `user-patches.sh` builds): the preview cannot read it. A list of tables is classified
  /// member by member (`members`).
  case unreadable

  /// The container path of the config folder.
  public static let configFolder = "/tmp/docker-mailserver/"
  /// At most this many config folder tables are read for one configuration.
  static let maximumFiles = 16

  /// Classifies a setting's value; `dmsPath` is DMS's own table for that setting, if any.
  public static func classify(
    _ value: String, dmsPath: String?, dmsWrote: Bool, tables: [String: TextDocument]
  ) -> OverrideTable {
    let value = value.trimmingBlanks
    if value.isEmpty { return .none }
    if let dmsPath, value == "texthash:\(dmsPath)" { return .dms(written: dmsWrote) }
    // DMS writes its tables for texthash: and never runs postmap, so no `.db` exists.
    if let dmsPath, value == "hash:\(dmsPath)" { return .dms(written: false) }
    guard let name = configFolderName(value) else { return .unreadable }
    return .configFolder(name: name, document: tables[name])
  }

  /// NAME of `texthash:/tmp/docker-mailserver/NAME` or `hash:/tmp/docker-mailserver/NAME`
  /// (one table, a plain file name under the folder), else nil.
  static func configFolderName(_ value: String) -> String? {
    for type in ["texthash:", "hash:"] where value.hasPrefix(type + configFolder) {
      let name = String(value.dropFirst(type.count + configFolder.count))
      let bad = name.isEmpty || name.contains("/") || name == ".." || name.contains(where: { $0 == "," || $0.isWhitespace })
      return bad ? nil : name
    }
    return nil
  }

  /// The tables a setting lists, in order: Postfix splits a table list on commas and
  /// whitespace (`maps_create`), and looks each key up in them in turn.
  public static func members(_ value: String) -> [String] {
    // Characters, not bytes: "\r\n" is one Character, so it is listed as well.
    let separators: Set<Character> = [",", " ", "\t", "\r", "\n", "\r\n"]
    return value.split(whereSeparator: separators.contains).map(String.init)
  }

  /// The config folder names the overrides refer to as tables, in order, each once.
  static func configFolderNames(_ configuration: Configuration) -> [String] {
    var values = configuration.postfixMain?.assignments.map(\.value) ?? []
    for family in [VersionFamily.v14plus] {
      values += configuration.postfixMaster?.overrides(family: family).map(\.value) ?? []
    }
    var seen: Set<String> = []
    return values.flatMap(members).compactMap(configFolderName).filter { seen.insert($0).inserted }
  }

  /// The table as `GeneratedTable` lines with their origins, for `TexthashTable`.
  static func table(_ document: TextDocument, name: String) -> GeneratedTable {
    var table = GeneratedTable(expectedLines: document.lines.count)
    for (index, line) in document.lines.enumerated() {
      table.append(line.body, terminated: true, origin: .file(name: name, line: index + 1))
    }
    return table
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingBlanks: String {
    let bytes = Bytes.trimmed(Array(utf8)[...])
    return Bytes.string(bytes)
  }
}
