/// A quirk of DMS or Postfix that affects this configuration, said in plain words with the
/// line at fault and the fix for the admin's version. Diagnostics describe; they never change
/// the preview.
public struct Diagnostic: Hashable, Sendable, Codable {
  public var id: DiagnosticID
  public var severity: Severity
  public var location: SourceLocation?
  /// One sentence: what happens and why.
  public var message: String
  /// One concrete action for this DMS version.
  public var fix: String

  public init(_ id: DiagnosticID, _ severity: Severity? = nil, at location: SourceLocation? = nil, _ message: String, fix: String) {
    self.id = id
    self.severity = severity ?? id.defaultSeverity
    self.location = location
    self.message = message
    self.fix = fix
  }

  public init(_ id: DiagnosticID, at location: SourceLocation? = nil, _ message: String, fix: String) {
    self.init(id, nil, at: location, message, fix: fix)
  }

  /// `postfix-relaymap.cf:7: error: … (fix: …)`, compiler style.
  public var formatted: String {
    let prefix = location.map { "\($0): " } ?? ""
    return "\(prefix)\(severity.rawValue): \(message)"
  }
}
