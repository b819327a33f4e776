/// One line of the Changes screen: the pending edits, then each file's unified diff
/// (secrets redacted), then the notes the edits produced.
public struct ChangeLine: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case title, edit, fileHeader, hunk, added, removed, context, note, blank
  }

  public var kind: Kind
  public var text: String

  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}

extension ChangeLine {
  static func lines(edits: [RelayEdit], plan: WritePlan) -> [ChangeLine] {
    guard !plan.isEmpty else { return [] }
    var out: [ChangeLine] = [ChangeLine(.title, "Pending edits (nothing is written until w, then y):")]
    for (number, edit) in edits.enumerated() { out.append(ChangeLine(.edit, "\(number + 1). \(edit.summary)")) }
    for file in plan.files where file.isChange {
      out.append(ChangeLine(.blank, ""))
      out.append(ChangeLine(.fileHeader, file.existed ? file.path : "\(file.path) (new file)"))
      for line in file.diff().split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        let text = String(line)
        let kind: Kind
        if text.hasPrefix("+++") || text.hasPrefix("---") {
          kind = .fileHeader
        } else if text.hasPrefix("@@") {
          kind = .hunk
        } else if text.hasPrefix("+") {
          kind = .added
        } else if text.hasPrefix("-") {
          kind = .removed
        } else if text.hasPrefix("\\") {
          kind = .note
        } else {
          kind = .context
        }
        out.append(ChangeLine(kind, text))
      }
    }
    if !plan.notes.isEmpty {
      out.append(ChangeLine(.blank, ""))
      for note in plan.notes { out.append(ChangeLine(.note, "note: \(note)")) }
    }
    return out
  }
}
