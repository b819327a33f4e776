/// The SASL user and password Postfix would send for one sender: the `sasl_passwd` entry the
/// router picked (`Route`'s auth entry), never re-derived here.
///
/// The password is needed by the live check only; every textual form of this value
/// (`description`, `debugDescription`, reflection) leaves it out, so it cannot reach a
/// message, a transcript or JSON by accident.
public struct CheckCredentials: Sendable, Hashable, CustomStringConvertible,
  CustomDebugStringConvertible, CustomReflectable
{
  public let user: String
  /// The password exactly as Postfix splits it from the entry (everything after the first ':').
  public let password: String
  /// `sasl_passwd:<key>`, the entry that supplied them.
  public let decidedBy: String?
  /// Where the admin set them (a file line or environment variables).
  public let origin: LineOrigin?

  public init(user: String, password: String, decidedBy: String?, origin: LineOrigin?) {
    self.user = user
    self.password = password
    self.decidedBy = decidedBy
    self.origin = origin
  }

  public var description: String { "\(user) (password redacted)" }
  public var debugDescription: String { description }
  public var customMirror: Mirror {
    Mirror(self, children: ["user": user, "decidedBy": decidedBy as Any], displayStyle: .struct)
  }
}
