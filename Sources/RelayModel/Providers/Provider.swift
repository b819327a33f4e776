/// A relay provider preset: host, STARTTLS port, and how its SMTP user name is formed.
///
/// Presets only fill in what every customer of the provider types the same way; the
/// credentials always come from the admin. Port 465 (implicit TLS) is never offered: DMS
/// does not set `smtp_tls_wrappermode`, so Postfix would time out (spec §4).
public struct Provider: Hashable, Sendable, Identifiable {
  /// How the SMTP user name is formed.
  public enum Username: Hashable, Sendable {
    /// Always this literal (SendGrid's `apikey`).
    case fixed(String)
    /// Chosen per account; the text says what to type.
    case perAccount(String)
  }

  /// Whether the relay needs SMTP AUTH.
  public enum CredentialsPolicy: Hashable, Sendable {
    case required
    /// The relay can also admit by IP address (Google Workspace relay, own relays).
    case optional
  }

  /// Name for `--provider` (`sendgrid`, `mailgun-eu`, `custom` …).
  public var id: String
  /// Name for people (`Mailgun (EU)`).
  public var name: String
  /// Host name; `{region}` is replaced by the region (Amazon SES).
  public var hostTemplate: String
  /// The STARTTLS submission port the provider documents first.
  public var port: Int
  /// Other STARTTLS ports the provider accepts (2525 where port 587 is blocked).
  public var alternativePorts: [Int]
  public var username: Username
  /// What the password is (an API key, an app password …).
  public var passwordHint: String
  public var credentials: CredentialsPolicy
  /// Things to know before using it, one sentence each.
  public var notes: [String]

  public var needsRegion: Bool { hostTemplate.contains("{region}") }
  public var needsHost: Bool { hostTemplate.isEmpty }

  public init(
    id: String, name: String, hostTemplate: String, port: Int = 587, alternativePorts: [Int] = [],
    username: Username, passwordHint: String, credentials: CredentialsPolicy = .required, notes: [String] = []
  ) {
    self.id = id
    self.name = name
    self.hostTemplate = hostTemplate
    self.port = port
    self.alternativePorts = alternativePorts
    self.username = username
    self.passwordHint = passwordHint
    self.credentials = credentials
    self.notes = notes
  }

  /// The user name to suggest (the fixed one, else empty).
  public var suggestedUsername: String {
    if case .fixed(let name) = username { return name }
    return ""
  }

  /// The relay host for a region (or the custom host).
  public func host(region: String? = nil, customHost: String? = nil) throws(ProviderError) -> String {
    if needsHost {
      guard let customHost, !customHost.isEmpty else { throw .hostRequired(provider: id) }
      return customHost
    }
    guard needsRegion else { return hostTemplate }
    guard let region, !region.isEmpty else { throw .regionRequired(provider: id, example: "us-east-1") }
    guard Self.isRegion(region) else { throw .invalidRegion(region) }
    return hostTemplate.split(separator: "{region}", omittingEmptySubsequences: false)
      .joined(separator: region.lowercased())
  }

  /// Builds the relay. The port defaults to the provider's; 465 is refused by the planner.
  public func relay(
    region: String? = nil, host customHost: String? = nil, port: Int? = nil, username: String?, password: String?
  ) throws(ProviderError) -> Relay {
    let host = try host(region: region, customHost: customHost)
    var user = username ?? ""
    if user.isEmpty, case .fixed(let fixed) = self.username { user = fixed }
    let credentials: RelayCredentials?
    switch (user.isEmpty, password ?? "") {
    case (true, ""):
      guard self.credentials == .optional else { throw .credentialsRequired(provider: id, hint: usernameHint) }
      credentials = nil
    case (true, _):
      throw .credentialsRequired(provider: id, hint: usernameHint)
    case (false, ""):
      throw .passwordRequired(provider: id, hint: passwordHint)
    case (false, let secret):
      credentials = RelayCredentials(user: user, password: secret)
    }
    return Relay(host: host, port: port ?? self.port, credentials: credentials)
  }

  /// What to type as the user name.
  public var usernameHint: String {
    switch username {
    case .fixed(let name): return "the user name is '\(name)'"
    case .perAccount(let text): return text
    }
  }

  /// Amazon's region names: `us-east-1`, `eu-central-1`, `ap-southeast-2` …
  static func isRegion(_ text: String) -> Bool {
    let parts = text.lowercased().split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
    return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLetter } }
  }

  /// Looks a preset up by `id` (case ignored).
  public static func named(_ id: String) -> Provider? {
    all.first { $0.id == id.lowercased() }
  }
}

/// Why a provider preset could not produce a relay.
public enum ProviderError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownProvider(String)
  case regionRequired(provider: String, example: String)
  case invalidRegion(String)
  case hostRequired(provider: String)
  case credentialsRequired(provider: String, hint: String)
  case passwordRequired(provider: String, hint: String)

  public var description: String {
    switch self {
    case .unknownProvider(let name):
      return "unknown provider '\(name)' (expected one of \(Provider.all.map(\.id).joined(separator: ", ")))"
    case .regionRequired(let provider, let example):
      return "provider '\(provider)' needs a region (e.g. '\(example)')"
    case .invalidRegion(let region):
      return "region '\(region)' is not a region name (e.g. 'us-east-1', 'eu-central-1')"
    case .hostRequired(let provider):
      return "provider '\(provider)' needs a relay host (--host)"
    case .credentialsRequired(let provider, let hint):
      return "provider '\(provider)' needs a user name and password (\(hint))"
    case .passwordRequired(let provider, let hint):
      return "provider '\(provider)' needs a password (\(hint))"
    }
  }
}

extension Provider {
  /// Every preset, in the order the wizard lists them; `custom` last.
  public static let all: [Provider] = [
    Provider(
      id: "sendgrid", name: "SendGrid", hostTemplate: "smtp.sendgrid.net", alternativePorts: [2525, 25],
      username: .fixed("apikey"), passwordHint: "an API key with 'Mail Send' permission"),
    Provider(
      id: "mailgun", name: "Mailgun (US)", hostTemplate: "smtp.mailgun.org", alternativePorts: [2525, 25],
      username: .perAccount("the domain's SMTP login, e.g. 'postmaster@mg.example.com'"),
      passwordHint: "the SMTP password of that login",
      notes: ["Accounts in Mailgun's EU region use the 'mailgun-eu' preset."]),
    Provider(
      id: "mailgun-eu", name: "Mailgun (EU)", hostTemplate: "smtp.eu.mailgun.org", alternativePorts: [2525, 25],
      username: .perAccount("the domain's SMTP login, e.g. 'postmaster@mg.example.com'"),
      passwordHint: "the SMTP password of that login"),
    Provider(
      id: "ses", name: "Amazon SES", hostTemplate: "email-smtp.{region}.amazonaws.com",
      alternativePorts: [2587, 25],
      username: .perAccount("the SMTP user name from the SES console (not an IAM access key id)"),
      passwordHint: "the SMTP password from the SES console",
      notes: ["The region must be the one where the sending identities are verified."]),
    Provider(
      id: "mailjet", name: "Mailjet", hostTemplate: "in-v3.mailjet.com", alternativePorts: [25, 2525],
      username: .perAccount("the API key"), passwordHint: "the API secret key"),
    Provider(
      id: "postmark", name: "Postmark", hostTemplate: "smtp.postmarkapp.com", alternativePorts: [2525, 25],
      username: .perAccount("the server API token"), passwordHint: "the server API token (again)",
      notes: ["Postmark sends only from verified sender signatures or domains."]),
    Provider(
      id: "brevo", name: "Brevo", hostTemplate: "smtp-relay.brevo.com", alternativePorts: [2525, 25],
      username: .perAccount("the SMTP login shown under 'SMTP & API' (e.g. '…@smtp-brevo.com')"),
      passwordHint: "an SMTP key"),
    Provider(
      id: "smtp2go", name: "SMTP2GO", hostTemplate: "mail.smtp2go.com", alternativePorts: [2525, 8025, 25],
      username: .perAccount("an SMTP user created in SMTP2GO"), passwordHint: "that SMTP user's password"),
    Provider(
      id: "gmail", name: "Gmail", hostTemplate: "smtp.gmail.com",
      username: .perAccount("the full Gmail address"),
      passwordHint: "an app password (needs 2-step verification)",
      notes: [
        "Gmail rewrites the From address to the account's unless it is a verified 'Send mail as' address.",
        "Gmail limits how much mail an account may send per day.",
      ]),
    Provider(
      id: "google-workspace", name: "Google Workspace SMTP relay", hostTemplate: "smtp-relay.gmail.com",
      alternativePorts: [25],
      username: .perAccount("a Workspace user's address (or none when the relay admits this server by IP)"),
      passwordHint: "that user's app password", credentials: .optional,
      notes: ["The SMTP relay service must be enabled in the Google Admin console (Gmail > Routing)."]),
    Provider(
      id: "microsoft365", name: "Microsoft 365", hostTemplate: "smtp.office365.com",
      username: .perAccount("the sending mailbox's address"),
      passwordHint: "the mailbox's password or app password",
      notes: [
        "SMTP AUTH must be enabled for the mailbox; Microsoft is retiring basic authentication for it, so check the tenant's status.",
        "Microsoft 365 sends only as the mailbox's own addresses unless 'Send As' is granted.",
      ]),
    Provider(
      id: "resend", name: "Resend", hostTemplate: "smtp.resend.com", alternativePorts: [2587, 25],
      username: .fixed("resend"), passwordHint: "an API key"),
    Provider(
      id: "sparkpost", name: "SparkPost", hostTemplate: "smtp.sparkpostmail.com", alternativePorts: [2525],
      username: .fixed("SMTP_Injection"), passwordHint: "an API key with 'Send via SMTP' permission",
      notes: ["EU accounts use the host smtp.eu.sparkpostmail.com (preset 'custom')."]),
    Provider(
      id: "custom", name: "Other relay", hostTemplate: "", port: 587,
      username: .perAccount("the relay's SMTP user name (none when it admits this server by IP)"),
      passwordHint: "the relay's SMTP password", credentials: .optional),
  ]
}
