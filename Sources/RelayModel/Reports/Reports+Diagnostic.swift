extension Reports {
  /// The diagnostic schema, written once for `preview --json` and `compare --json`.
  static func writeDiagnostic(_ d: Diagnostic, into json: inout JSONWriter) {
    json.beginObject()
    json.member("code", d.id.rawValue)
    json.member("severity", d.severity.rawValue)
    json.member("file", d.location?.file)
    json.key("line")
    if let line = d.location?.line { json.int(line) } else { json.null() }
    json.member("message", d.message)
    json.member("fix", d.fix)
    json.endObject()
  }

  static func writeDiagnostics(_ list: [Diagnostic], into json: inout JSONWriter) {
    json.beginArray()
    for d in list { writeDiagnostic(d, into: &json) }
    json.endArray()
  }
}
