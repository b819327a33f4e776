extension CheckResult {
  /// The `check --json` document: `[{"sender", "relay", "verdict", "failed_step", "steps":
  /// [{"step", "ok", "reply", "ms"}], "explanation"}]`, laid out by the one `JSONWriter`. No
  /// field can hold a password: replies of AUTH steps are the server's, never the client's.
  public static func json(_ results: [CheckResult]) -> String {
    var json = JSONWriter(capacity: 1024)
    json.beginArray()
    for result in results { result.write(into: &json) }
    json.endArray()
    return String(decoding: json.finish(), as: UTF8.self)
  }

  func write(into json: inout JSONWriter) {
    json.beginObject()
    json.member("sender", sender)
    json.member("relay", relay)
    json.member("verdict", verdict.rawValue)
    json.member("failed_step", failedStep?.rawValue)
    json.key("steps")
    json.beginArray()
    for step in steps {
      json.beginObject()
      json.member("step", step.name.rawValue)
      json.key("ok")
      json.bool(step.ok)
      json.member("reply", step.reply)
      json.key("ms")
      json.int(step.milliseconds)
      json.endObject()
    }
    json.endArray()
    json.member("explanation", explanation)
    json.endObject()
  }
}
