/// What a piece of report text is, for whoever draws it: the CLI turns it into ANSI colour
/// (or nothing, for pipes and `NO_COLOR`), the screens into their styles.
///
/// The model says what text means and never how it looks, so no escape code lives here.
public enum TextStyle: Hashable, Sendable {
  case plain
  case bold
  case dim
  /// A route's outcome word (relayed, direct, deferred, bounced).
  case outcome(RouteOutcome)
  /// A diagnostic's severity word.
  case severity(Severity)
}
