/// The verdict on one sender's relay.
public enum CheckVerdict: String, Sendable, Hashable, Codable {
  case ok, failed, skipped
}

/// What `check` reports per sender: the verdict, the steps, and a plain explanation with
/// the fix for this configuration and DMS version.
public struct CheckResult: Sendable, Hashable {
  public var sender: String
  /// `host:port` of the relay, nil when there is none.
  public var relay: String?
  public var verdict: CheckVerdict
  public var failedStep: CheckStepName?
  public var steps: [CheckStep]
  public var explanation: String
  /// The SMTP conversation, AUTH redacted (printed only with `--transcript`).
  public var transcript: [TranscriptLine]

  public init(
    sender: String, relay: String?, verdict: CheckVerdict, failedStep: CheckStepName?, steps: [CheckStep],
    explanation: String, transcript: [TranscriptLine] = []
  ) {
    self.sender = sender
    self.relay = relay
    self.verdict = verdict
    self.failedStep = failedStep
    self.steps = steps
    self.explanation = explanation
    self.transcript = transcript
  }

  /// Judges a live run of `plan`: `ok` when every step passed, else `failed` at the step
  /// that stopped it, with the explanation for that failure.
  public init(plan: CheckPlan, run: CheckRun) {
    let failedStep = run.failure.map { failure in
      run.steps.last(where: { !$0.ok })?.name ?? failure.step ?? run.steps.last?.name ?? .connect
    }
    self.init(
      sender: plan.sender, relay: plan.relay, verdict: run.failure == nil ? .ok : .failed,
      failedStep: failedStep, steps: run.steps,
      explanation: CheckExplanation.text(plan: plan, run: run), transcript: run.transcript)
  }
}
