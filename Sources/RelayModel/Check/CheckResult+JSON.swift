extension CheckResult {
  /// `{"sender", "relay", "verdict", "failed_step", "steps": [{"step", "ok", "reply", "ms"}],
  /// "explanation"}`, as `check --json` prints one result (in an array). No field can hold
  /// a password: replies of AUTH steps are the server's, never the client's.
  public var json: JSONValue {
    .object([
      ("sender", .string(sender)),
      ("relay", .optional(relay)),
      ("verdict", .string(verdict.rawValue)),
      ("failed_step", .optional(failedStep?.rawValue)),
      (
        "steps",
        .array(
          steps.map { step in
            .object([
              ("step", .string(step.name.rawValue)), ("ok", .bool(step.ok)), ("reply", .string(step.reply)),
              ("ms", .int(step.milliseconds)),
            ])
          })
      ),
      ("explanation", .string(explanation)),
    ])
  }

  /// The `check --json` document for several results.
  public static func json(_ results: [CheckResult]) -> String {
    JSONValue.array(results.map(\.json)).rendered()
  }
}
