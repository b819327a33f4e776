/// A plan as the admin reads it before writing: `setup --non-interactive` prints `text`, and
/// the wizard's plan step shows the same steps, consequences and diagnostics (`steps`,
/// `consequences`, `resultDiagnostics`), each line styled by what it is.
public enum PlanReport {
  /// `  1. [postfix-relaymap.cf] add @a.test …`, then the reason, dim, under it.
  public static func steps(_ plan: RelayPlan, loaded: LoadedConfiguration) -> [StyledSpan] {
    plan.steps.enumerated().flatMap { index, step in
      [
        StyledSpan("  \(index + 1). [\(loaded.fileLabel(for: step))] \(step.summary)"),
        StyledSpan("     \(step.reason)", .dim),
      ]
    }
  }

  /// The side effects, one `  - …` each.
  public static func consequences(_ plan: RelayPlan) -> [StyledSpan] {
    plan.consequences.map { StyledSpan("  - \($0)") }
  }

  /// The errors and warnings of the planned configuration, each with its fix, dim, under it.
  public static func resultDiagnostics(_ plan: RelayPlan) -> [StyledSpan] {
    plan.preview.diagnostics.filter { $0.severity != .info }.flatMap { diagnostic in
      [StyledSpan("  \(diagnostic.formatted)", .severity(diagnostic.severity))]
        + (diagnostic.fix.isEmpty ? [] : [StyledSpan("    fix: \(diagnostic.fix)", .dim)])
    }
  }

  /// The text `setup --non-interactive` prints: steps, routing, consequences, diagnostics,
  /// notes and the diff (passwords redacted unless `showSecrets`); without `writePlan` (it
  /// cannot be written) it ends after the diagnostics.
  public static func text(
    _ plan: RelayPlan, planner: Planner, loaded: LoadedConfiguration, writePlan: WritePlan?, showSecrets: Bool
  ) -> String {
    var out: [String] = []
    let version = plan.version
    out.append("Plan for DMS \(version) (\(version.family.rawValue)): \(plan.intent.summary)")
    out.append("Config folder: \(loaded.configDirectory ?? "(none)"); environment: \(loaded.environmentDescription)")
    out.append("")

    out.append(plan.steps.isEmpty ? "Steps: none" : "Steps:")
    out += steps(plan, loaded: loaded).map(\.text)
    out.append("")

    out.append("Routing on DMS \(version) after these steps:")
    let rows = plan.routes.map { route -> [String] in
      [route.label, route.wanted.description, route.route.summary, route.matches ? "ok" : "NOT AS ASKED"]
    }
    out += table(["SENDER", "WANTED", "DMS WILL", ""], rows).map { "  " + $0 }
    let unknown = plan.intent.domains.map(\.domain).filter { planner.knownSenders.domain(named: $0) == nil }
    for domain in unknown {
      out.append("  note: '\(domain)' is not in postfix-accounts.cf or postfix-virtual.cf; it has a relay map line of its own")
    }
    out.append("")

    if !plan.consequences.isEmpty {
      out.append("Good to know:")
      out += consequences(plan).map(\.text)
      out.append("")
    }

    let diagnostics = resultDiagnostics(plan)
    out.append(diagnostics.isEmpty ? "Diagnostics: none" : "Diagnostics:")
    out += diagnostics.map(\.text)
    out.append("")

    guard let writePlan else { return out.joined(separator: "\n") }
    for note in writePlan.notes { out.append("note: \(note)") }
    let diff = writePlan.diff(showSecrets: showSecrets)
    if !diff.isEmpty {
      out.append("Diff:")
      out.append(diff.hasSuffix("\n") ? String(diff.dropLast()) : diff)
    }
    return out.joined(separator: "\n")
  }

  /// Left-aligned columns separated by two spaces (trailing spaces trimmed).
  static func table(_ header: [String], _ rows: [[String]]) -> [String] {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { row in
      var line = ""
      for (column, cell) in row.enumerated() {
        line += cell
        if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - cell.count + 2) }
      }
      return line.trimmingWhitespace()
    }
  }
}
