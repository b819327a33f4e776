/// The plan step's content: the planner's verified plan, the files it writes, and the
/// report the admin reads before confirming.
public struct WizardPlan: Sendable {
  public var plan: RelayPlan?
  public var writePlan: WritePlan?
  /// Why nothing can be written (invalid intent, env in compose's `environment:` …).
  public var error: String?
  public var lines: [WizardLine]

  /// Why Enter cannot write; nil when it can.
  public var blockedReason: String? { error }
  public var changesNothing: Bool { writePlan?.isEmpty ?? false }

  /// Plans `intent` for `version` on `loaded` and writes the report.
  public init(intent: RoutingIntent, version: DMSVersion, loaded: LoadedConfiguration) {
    let planner = Planner(configuration: loaded.configuration, version: version)
    var lines: [WizardLine] = []
    do throws(PlanError) {
      plan = try planner.plan(intent)
    } catch {
      plan = nil
      writePlan = nil
      self.error = error.description
      self.lines = [WizardLine("The planner refused: \(error.description)", .error)]
      return
    }
    let plan = self.plan!
    do {
      writePlan = try plan.writePlan(for: loaded)
      error = nil
    } catch {
      writePlan = nil
      self.error = "cannot write: \(error.description)"
    }

    lines.append(WizardLine("DMS \(version) (\(version.family.rawValue)): \(intent.summary)", .bold))
    lines.append(WizardLine(""))
    lines.append(WizardLine("Where mail goes after writing", .heading))
    let width = max(plan.routes.map { $0.label.count }.max() ?? 0, 6)
    for route in plan.routes {
      let label = route.label.padding(toLength: width, withPad: " ", startingAt: 0)
      let mark = route.matches ? "ok" : "NOT AS ASKED"
      lines.append(WizardLine("  \(label)  \(route.route.summary)  \(mark)", route.matches ? .ok : .error))
    }
    for domain in intent.domains.map(\.domain) where planner.knownSenders.domain(named: domain) == nil {
      lines.append(WizardLine("  note: '\(domain)' is in no account or alias file; it gets a relay map line of its own", .dim))
    }
    lines.append(WizardLine(""))

    if !plan.isExact {
      lines.append(WizardLine("DMS \(version) cannot route mail exactly as asked (this is the closest plan):", .warning))
      for limitation in plan.limitations { lines.append(WizardLine("  - \(limitation)", .warning)) }
      lines.append(WizardLine(""))
    }
    if !plan.consequences.isEmpty {
      lines.append(WizardLine("Good to know", .heading))
      for line in plan.consequences { lines.append(WizardLine("  - \(line)")) }
      lines.append(WizardLine(""))
    }

    lines.append(WizardLine(plan.steps.isEmpty ? "Changes: none" : "Changes", .heading))
    for (index, step) in plan.steps.enumerated() {
      lines.append(WizardLine("  \(index + 1). [\(loaded.fileLabel(for: step))] \(step.summary)"))
      lines.append(WizardLine("     \(step.reason)", .dim))
    }
    lines.append(WizardLine(""))

    let diagnostics = plan.preview.diagnostics.filter { $0.severity != .info }
    lines.append(WizardLine(diagnostics.isEmpty ? "Diagnostics of the result: none" : "Diagnostics of the result", .heading))
    for diagnostic in diagnostics {
      lines.append(WizardLine("  \(diagnostic.formatted)", diagnostic.severity == .error ? .error : .warning))
      if !diagnostic.fix.isEmpty { lines.append(WizardLine("    fix: \(diagnostic.fix)", .dim)) }
    }
    lines.append(WizardLine(""))

    if let error {
      lines.append(WizardLine(error, .error))
    } else if let writePlan {
      for note in writePlan.notes { lines.append(WizardLine("note: \(note)", .dim)) }
      let diff = writePlan.diff(showSecrets: false)
      if diff.isEmpty {
        lines.append(WizardLine("Nothing to change: DMS \(version) already routes mail as asked.", .ok))
      } else {
        lines.append(WizardLine("Diff (passwords redacted)", .heading))
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast(diff.hasSuffix("\n") ? 1 : 0) {
          let kind: WizardLine.Kind
          if line.hasPrefix("+++") || line.hasPrefix("---") {
            kind = .bold
          } else if line.hasPrefix("+") {
            kind = .added
          } else if line.hasPrefix("-") {
            kind = .removed
          } else if line.hasPrefix("@@") {
            kind = .hunk
          } else {
            kind = .normal
          }
          lines.append(WizardLine(String(line), kind))
        }
      }
    }
    self.lines = lines
  }


  /// The report wrapped to `width` columns (continuation lines keep the indent).
  public func rows(width: Int) -> [WizardLine] {
    var result: [WizardLine] = []
    for line in lines {
      guard line.text.count > width else {
        result.append(line)
        continue
      }
      // Continuation lines line up with the text after the indent and a `1. ` or `- `.
      let spaces = line.text.prefix { $0 == " " }
      let rest = line.text.dropFirst(spaces.count)
      let marker = rest.prefix { $0.isNumber || $0 == "." || $0 == "-" }
      let hanging = !marker.isEmpty && rest.dropFirst(marker.count).first == " " ? marker.count + 1 : 0
      let indent = String(repeating: " ", count: min(spaces.count + hanging, width / 2))
      let wrapped = TextWrap.lines(String(rest), width: max(width - indent.count, 1))
      for (index, text) in wrapped.enumerated() {
        result.append(WizardLine((index == 0 ? String(spaces) : indent) + text, line.kind))
      }
    }
    return result
  }
}

/// One line of a wizard report, with what it is (the screen picks the style).
public struct WizardLine: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case normal, dim, bold, heading, ok, warning, error, added, removed, hunk }
  public var text: String
  public var kind: Kind

  public init(_ text: String, _ kind: Kind = .normal) {
    self.text = text
    self.kind = kind
  }
}
