import Foundation

/// Replays what docker-mailserver v15.1's `setup relay` does to a file, with the same GNU
/// tools (bash, grep, sed, sha1sum, C locale) on a temp copy, so tests compare `RelayEdit` with
/// the bytes those tools really produce (CRLF, tabs, unterminated lines, regex dots).
///
/// The script below is our own restatement of the behaviour documented in the spec (§6) and
/// read in DMS's `helpers/database/db.sh`: the key's dots escaped; "exists" is a
/// case-insensitive `grep "^KEY\s"` on a non-empty file; a replace is a case-sensitive
/// `sed -i "s/^KEY\s.*/ENTRY/"` that fails when nothing changed; otherwise `echo ENTRY >>`.
/// A remove is `sed -i "/^KEY\s/d"` under the same existence and no-change rules.
enum DMSOracle {
  struct Outcome {
    var bytes: [UInt8]?
    var status: Int32
    var stderr: String
  }

  enum Database: String {
    case relayMap = "postfix-relaymap.cf"
    case saslPasswords = "postfix-sasl-password.cf"
  }

  /// add-domain / add-auth / exclude-domain: replace the `KEY` line or append `KEY VALUE`.
  static func replace(_ bytes: [UInt8]?, in database: Database, key: String, value: String) throws -> Outcome {
    try run(bytes, database: database, call: "replace_entry \"$1\" \"$2\"", args: [key, value])
  }

  /// Remove every `KEY` line (key followed by whitespace).
  static func remove(_ bytes: [UInt8]?, in database: Database, key: String) throws -> Outcome {
    try run(bytes, database: database, call: "remove_entry \"$1\"", args: [key])
  }

  static func run(_ bytes: [UInt8]?, database: Database, call: String, args: [String]) throws -> Outcome {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("dms-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent(database.rawValue)
    if let bytes { try Data(bytes).write(to: file) }
    let script = prelude.replacingOccurrences(of: "@DMS_CONFIG@", with: dir.path)
      + "\nDATABASE=\"${DMS_CONFIG}/\(database.rawValue)\"\n" + call + "\n"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script, "oracle"] + args
    process.environment = ["LC_ALL": "C", "PATH": "/usr/bin:/bin"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let out = FileManager.default.contents(atPath: file.path).map { [UInt8]($0) }
    return Outcome(bytes: out, status: process.terminationStatus, stderr: stderr)
  }

  /// The shell model: functions `replace_entry KEY VALUE` and `remove_entry KEY` acting on
  /// `$DATABASE`.
  static let prelude = #"""
    DMS_CONFIG='@DMS_CONFIG@'

    # The key as a sed/grep pattern: only '.' is escaped, as DMS does.
    key_pattern() { printf '%s' "${1//./\\.}"; }

    # Runs `sed -i` and fails, like DMS's sedfile --strict, when the file did not change.
    sed_must_change() {
      local before after
      before=$(sha1sum < "${DATABASE}")
      sed -i "$1" "${DATABASE}"
      after=$(sha1sum < "${DATABASE}")
      if [[ ${before} == "${after}" ]]; then
        echo "No difference after sed" >&2
        exit 1
      fi
    }

    has_key() {
      [[ -s ${DATABASE} ]] && grep --quiet --ignore-case "^$(key_pattern "$1")\s" "${DATABASE}"
    }

    replace_entry() {
      local entry="$1 $2" replacement
      if has_key "$1"; then
        replacement=$(printf '%s' "${entry}" | sed 's/[/&]/\\&/g')
        sed_must_change "s/^$(key_pattern "$1")\s.*/${replacement}/"
      else
        echo "${entry}" >> "${DATABASE}"
      fi
    }

    remove_entry() {
      has_key "$1" || return 0
      sed_must_change "/^$(key_pattern "$1")\s/d"
    }
    """#
}
