extension Reports {
  /// `generate --json`: the tables, the `postconf` settings and the rewritten inputs.
  public static func generateJSON(
    _ state: GeneratedState, version: DMSVersion, showSecrets: Bool, to sink: (UnsafeRawBufferPointer) -> Void
  ) {
    var json = JSONWriter(capacity: 4096)
    json.beginObject()
    json.member("dms_version", version.name)
    json.member("family", version.family.rawValue)
    json.member("path", state.path.rawValue)
    json.member("relayhost_map", strings: state.relayhostMap?.textLines)
    json.member("sasl_passwd", strings: saslLines(state, showSecrets: showSecrets))
    json.member("postconf", strings: state.postconf.map(\.description))
    json.member("modified_inputs", strings: state.modifiedInputs)
    json.endObject()
    json.finish(to: sink)
  }

  public static func generateText(_ state: GeneratedState, version: DMSVersion, showSecrets: Bool) -> String {
    var out = "# DMS \(version.name) (\(version.family.rawValue)), \(state.path.rawValue)\n"
    func table(_ name: String, _ lines: [String]?) {
      guard let lines else {
        out += "\n## \(name): not written\n"
        return
      }
      out += "\n## \(name) (\(lines.count) line\(lines.count == 1 ? "" : "s"))\n"
      for line in lines { out += visible(line) + "\n" }
    }
    table(Generator.relayhostMapPath, state.relayhostMap?.textLines)
    table(Generator.saslPasswdPath, saslLines(state, showSecrets: showSecrets))
    out += "\n## postconf\n"
    for setting in state.postconf { out += "\(setting)\n" }
    if !state.modifiedInputs.isEmpty {
      out += "\n## config files DMS rewrites in place\n"
      for name in state.modifiedInputs { out += "\(name)\n" }
    }
    return out
  }

  /// `sasl_passwd` as text, passwords redacted unless asked for.
  static func saslLines(_ state: GeneratedState, showSecrets: Bool) -> [String]? {
    state.saslPasswd.map { table in
      (showSecrets ? table.lines : Redaction.saslPasswords.redactLines(table.lines)).map {
        String(decoding: $0, as: UTF8.self)
      }
    }
  }

  /// Shows control characters DMS leaves in lines (`\r`) so they can be seen.
  public static func visible(_ s: String) -> String {
    // Printable ASCII needs no escape: the common case, returned as it is (this loop was an
    // eighth of `preview` on 400,000 routes).
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where ControlEscaping.needsEscape(scalar): out += ControlEscaping.escaped(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
