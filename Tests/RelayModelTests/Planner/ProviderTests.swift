import Testing
@testable import RelayModel

@Suite("Provider presets")
struct ProviderTests {
  @Test("every preset has an id, a STARTTLS port and never offers 465")
  func presets() {
    #expect(Set(Provider.all.map(\.id)).count == Provider.all.count)
    for provider in Provider.all {
      #expect(provider.port != 465 && !provider.alternativePorts.contains(465), "\(provider.id)")
      #expect(!provider.passwordHint.isEmpty)
    }
    #expect(
      Provider.all.map(\.id) == [
        "sendgrid", "mailgun", "mailgun-eu", "ses", "mailjet", "postmark", "brevo", "smtp2go", "gmail",
        "google-workspace", "microsoft365", "resend", "sparkpost", "custom",
      ])
  }

  @Test("hosts and user name conventions")
  func hostsAndUsers() throws {
    func host(_ id: String) throws -> String { try Provider.named(id)!.host() }
    #expect(try host("sendgrid") == "smtp.sendgrid.net")
    #expect(try host("mailgun") == "smtp.mailgun.org")
    #expect(try host("mailgun-eu") == "smtp.eu.mailgun.org")
    #expect(try host("mailjet") == "in-v3.mailjet.com")
    #expect(try host("postmark") == "smtp.postmarkapp.com")
    #expect(try host("brevo") == "smtp-relay.brevo.com")
    #expect(try host("smtp2go") == "mail.smtp2go.com")
    #expect(try host("gmail") == "smtp.gmail.com")
    #expect(try host("google-workspace") == "smtp-relay.gmail.com")
    #expect(try host("microsoft365") == "smtp.office365.com")
    #expect(try host("resend") == "smtp.resend.com")
    #expect(try host("sparkpost") == "smtp.sparkpostmail.com")
    #expect(Provider.named("sendgrid")!.suggestedUsername == "apikey")
    #expect(Provider.named("resend")!.suggestedUsername == "resend")
    #expect(Provider.named("sparkpost")!.suggestedUsername == "SMTP_Injection")
    #expect(Provider.named("smtp2go")!.alternativePorts.contains(2525))
    #expect(Provider.named("SendGrid") != nil)
  }

  @Test("Amazon SES: region required, validated, lower-cased into the host")
  func sesRegion() throws {
    let ses = Provider.named("ses")!
    #expect(try ses.host(region: "EU-Central-1") == "email-smtp.eu-central-1.amazonaws.com")
    #expect(throws: ProviderError.regionRequired(provider: "ses", example: "us-east-1")) { try ses.host() }
    #expect(throws: ProviderError.invalidRegion("frankfurt")) { try ses.host(region: "frankfurt") }
  }

  @Test("relay(): fixed user filled in, credentials required or optional, port override")
  func relays() throws {
    let sendgrid = Provider.named("sendgrid")!
    let relay = try sendgrid.relay(username: nil, password: "SG.x")
    #expect(relay == Relay(host: "smtp.sendgrid.net", port: 587, credentials: RelayCredentials(user: "apikey", password: "SG.x")))
    #expect(try sendgrid.relay(port: 2525, username: nil, password: "SG.x").port == 2525)
    #expect(throws: ProviderError.passwordRequired(provider: "sendgrid", hint: "an API key with 'Mail Send' permission")) {
      try sendgrid.relay(username: nil, password: nil)
    }
    let workspace = try Provider.named("google-workspace")!.relay(username: nil, password: nil)
    #expect(workspace.credentials == nil)
    #expect(throws: ProviderError.hostRequired(provider: "custom")) {
      try Provider.named("custom")!.relay(username: nil, password: nil)
    }
    let custom = try Provider.named("custom")!.relay(host: "relay.lan.test", port: 25, username: nil, password: nil)
    #expect(custom == Relay(host: "relay.lan.test", port: 25))
  }

  @Test("credentials never show their password")
  func redactedCredentials() {
    let credentials = RelayCredentials(user: "apikey", password: "SG.very-secret")
    #expect(!String(describing: credentials).contains("very-secret"))
    #expect(!String(reflecting: credentials).contains("very-secret"))
    #expect(!String(describing: Relay(host: "h.test", credentials: credentials)).contains("very-secret"))
    #expect(!String(describing: RoutingIntent.everything(through: Relay(host: "h.test", credentials: credentials))).contains("very-secret"))
  }
}
