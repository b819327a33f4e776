/// One step of a relay check, in the order Postfix's smtp client takes them.
public enum CheckStepName: String, Sendable, Hashable, Codable, CaseIterable {
  case plan, resolve, connect, greeting, ehlo, starttls, certificate, auth
  case mailFrom = "mail_from"
  case rcptTo = "rcpt_to"
  case data, quit
}

/// What one step did: passed or failed, the server's reply (or what happened instead) and
/// how long it took.
public struct CheckStep: Sendable, Hashable {
  public var name: CheckStepName
  public var ok: Bool
  /// The server's reply, its lines joined with a newline, or a plain note when the step
  /// got no reply (a resolved address list, a certificate summary, a timeout).
  public var reply: String
  public var milliseconds: Int

  public init(_ name: CheckStepName, ok: Bool, reply: String, milliseconds: Int) {
    self.name = name
    self.ok = ok
    self.reply = reply
    self.milliseconds = milliseconds
  }
}

/// A line of the SMTP conversation for `--transcript`. The live client writes AUTH
/// exchanges as `<redacted>` before they get here.
public struct TranscriptLine: Sendable, Hashable {
  public enum Direction: String, Sendable, Hashable {
    /// Sent by the client (`C:`).
    case client = "C"
    /// Received from the server (`S:`).
    case server = "S"
    /// Something the client noticed: connected to, TLS started (`*`).
    case note = "*"
  }

  public var direction: Direction
  public var text: String

  public init(_ direction: Direction, _ text: String) {
    self.direction = direction
    self.text = text
  }
}
