/// Why the Observed screen has no log to show, in words it can print.
public enum MailLogProblem: Error, Hashable, Sendable {
  /// No `mail.log` where DMS's compose file mounts it (beside the config folder).
  case missing(searched: String)
  /// The file could not be read (`LogReadError`'s one line).
  case unreadable(String)
}
