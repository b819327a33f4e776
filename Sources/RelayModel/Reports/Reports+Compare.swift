extension Reports {
  /// `compare --json`: the senders whose route changes, and the diagnostics the change fixes
  /// or introduces.
  public static func compareJSON(_ c: VersionComparison, to sink: (UnsafeRawBufferPointer) -> Void) {
    var json = JSONWriter(capacity: 4096)
    json.beginObject()
    json.member("from", c.from.version.name)
    json.member("to", c.to.version.name)
    json.key("changes")
    json.beginArray()
    for change in c.changes {
      json.beginObject()
      json.member("sender", change.sender)
      json.key("from")
      withUnsafePointer(to: change.from) { writeRoute($0, into: &json) }
      json.key("to")
      withUnsafePointer(to: change.to) { writeRoute($0, into: &json) }
      json.member("summary", change.summary)
      json.endObject()
    }
    json.endArray()
    json.key("resolved_diagnostics")
    writeDiagnostics(c.resolvedDiagnostics, into: &json)
    json.key("introduced_diagnostics")
    writeDiagnostics(c.introducedDiagnostics, into: &json)
    json.endObject()
    json.finish(to: sink)
  }

  /// `compare`'s text, styled (the CLI colours it on a terminal).
  public static func compareText(_ c: VersionComparison) -> StyledText {
    let from = "\(c.from.version.name) (\(c.from.version.family.rawValue))"
    let to = "\(c.to.version.name) (\(c.to.version.family.rawValue))"
    var text = StyledText()
    text.append("DMS \(from) → \(to)", .bold)
    var out = "\n\n"
    if c.changes.isEmpty {
      out += "No sender's route changes.\n"
    } else {
      out += "\(c.changes.count) sender(s) change route:\n"
      for change in c.changes {
        out += "  \(RoutingChange.senderLabel(change.sender))\n"
        out += "    \(c.from.version.name): \(VersionComparison.describe(change.from, change.to))\n"
        out += "    \(c.to.version.name): \(VersionComparison.describe(change.to, change.from))\n"
      }
    }
    if !c.resolvedDiagnostics.isEmpty {
      out += "\nFixed by \(c.to.version.name):\n"
      for d in c.resolvedDiagnostics { out += "  - \(d.formatted)\n" }
    }
    if !c.introducedDiagnostics.isEmpty {
      out += "\nNew on \(c.to.version.name):\n"
      for d in c.introducedDiagnostics { out += "  - \(d.formatted)\n    fix: \(d.fix)\n" }
    }
    let unauthenticated = c.unauthenticatedOnTarget
    if !c.remainingDiagnostics.isEmpty || !unauthenticated.isEmpty {
      out += "\nStill to fix on \(c.to.version.name):\n"
      if !unauthenticated.isEmpty {
        let advice = PostfixFacts.unauthenticatedAfterUpgrade(unauthenticated.map(\.sender))
        out += "  - \(advice.message)\n    fix: \(advice.fix)\n"
      }
      for d in c.remainingDiagnostics { out += "  - \(d.formatted)\n    fix: \(d.fix)\n" }
    }
    text.append(out)
    return text
  }
}
