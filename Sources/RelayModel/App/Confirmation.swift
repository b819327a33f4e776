/// A yes/no question before something that cannot be taken back from inside the UI:
/// writing files, removing entries, quitting with unsaved changes. `y` confirms; `n` and
/// Esc cancel.
public struct Confirmation: Hashable, Sendable {
  public enum Purpose: Hashable, Sendable {
    case write(WritePlan)
    case delete([RelayEdit])
    case quit
  }

  public var purpose: Purpose
  public var title: String
  /// What will happen, one item a line (the files to write, the lines to remove …).
  public var lines: [String]
  public var question: String

  /// The question as the prompt box draws it.
  public var text: PromptText { PromptText(title: title, lines: lines, question: question) }

  /// - Parameters: `version` and `provisioner` say when DMS applies the relay files: with a
  ///   provisioner other than FILE, only at the next restart (spec §3, "Change detection").
  static func write(_ plan: WritePlan, version: DMSVersion? = nil, provisioner: String = "") -> Confirmation {
    var lines: [String] = []
    for file in plan.files where file.isChange {
      let diff = file.diff().split(separator: "\n")
      let added = diff.filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.count
      let removed = diff.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count
      let what = file.existed ? "+\(added) −\(removed)" : "new file, \(added) line\(added == 1 ? "" : "s")"
      lines.append("\(file.path)  (\(what))")
    }
    lines.append("Each changed file's previous version is kept as NAME.bak.")
    if let note = plan.restartNote(version: version, provisioner: provisioner) { lines.append(note) }
    return Confirmation(
      purpose: .write(plan), title: "Write \(plan.files.filter(\.isChange).count) file(s)?", lines: lines,
      question: "Write these files now?")
  }

  static func delete(_ edits: [RelayEdit], title: String) -> Confirmation {
    Confirmation(
      purpose: .delete(edits), title: title, lines: edits.map { "• \($0.summary)" },
      question: "Add this as a pending change?")
  }

  static func quit(_ edits: [RelayEdit]) -> Confirmation {
    Confirmation(
      purpose: .quit, title: "Quit without writing?",
      lines: ["\(edits.count) pending change(s) will be lost:"] + edits.map { "• \($0.summary)" },
      question: "Quit and lose them? (w writes them, then quits)")
  }
}
