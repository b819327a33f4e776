/// The status line's error count, worded here once.
///
/// A route can fail without an error diagnostic (a port-465 relay is a warning, but its
/// senders' mail is deferred), and the rows mark such a route ✖. The count must then not
/// read "✖ 0 errors" (issue 14 fix 7): it names the senders whose mail does not leave.
public enum CountText {
  /// "1 error", "2 errors", or with no error diagnostic but failing routes, "1 sender not delivered".
  public static func errors(diagnostics errors: Int, undeliveredSenders undelivered: Int) -> String {
    if errors == 0, undelivered > 0 {
      return "\(undelivered) sender\(undelivered == 1 ? "" : "s") not delivered"
    }
    return "\(errors) error\(errors == 1 ? "" : "s")"
  }
}
