/// The built-in demo: a DMS 13.3.1 installation that walks into the classic traps.
///
/// `RELAY_HOST` is set without any credentials, so on 13.3.1 no outbound mail leaves at all
/// (spec §4); the relay map also has a port-465 relay, a trailing comment, an uppercase
/// opt-out and a prefix collision. `dms-relay demo` copies these files to a temporary folder,
/// so the admin can edit and write without touching anything real.
public enum DemoConfiguration {
  /// File name (relative to the demo's root) → content.
  public static let files: [(path: String, content: String)] = [
    ("compose.yaml", compose),
    ("mailserver.env", env),
    ("docker-data/dms/config/postfix-accounts.cf", accounts),
    ("docker-data/dms/config/postfix-virtual.cf", virtual),
    ("docker-data/dms/config/postfix-relaymap.cf", relayMap),
  ]

  public static let configDirectory = "docker-data/dms/config"
  public static let envFile = "mailserver.env"
  public static let composeFile = "compose.yaml"

  static let compose = """
    services:
      mailserver:
        image: ghcr.io/docker-mailserver/docker-mailserver:13.3.1
        container_name: mailserver
        hostname: mail.example.com
        env_file: mailserver.env
        ports:
          - "25:25"
          - "587:587"
          - "465:465"
        volumes:
          - ./docker-data/dms/mail-data/:/var/mail/
          - ./docker-data/dms/config/:/tmp/docker-mailserver/
        restart: always

    """

  static let env = """
    # docker-mailserver environment (excerpt)
    OVERRIDE_HOSTNAME=mail.example.com
    ENABLE_SPAMASSASSIN=0
    ENABLE_CLAMAV=0

    # Outbound relay
    RELAY_HOST=smtp.sendgrid.net
    RELAY_PORT=587
    DEFAULT_RELAY_HOST=

    """

  static let accounts = """
    admin@example.com|{SHA512-CRYPT}$6$demo$NotARealHashJustForTheDemo0123456789
    sales@example.com|{SHA512-CRYPT}$6$demo$NotARealHashJustForTheDemo0123456789
    orders@shop.example.net|{SHA512-CRYPT}$6$demo$NotARealHashJustForTheDemo0123456789
    news@newsletter.example.org|{SHA512-CRYPT}$6$demo$NotARealHashJustForTheDemo0123456789
    ops@internal.example.com|{SHA512-CRYPT}$6$demo$NotARealHashJustForTheDemo0123456789
    team@example.com.au|{SHA512-CRYPT}$6$demo$NotARealHashJustForTheDemo0123456789

    """

  static let virtual = """
    postmaster@example.com admin@example.com
    @shop.example.net orders@shop.example.net
    hello@brand.example.io sales@example.com

    """

  static let relayMap = """
    # Per-domain relays (setup relay add-domain / exclude-domain)
    @shop.example.net [smtp.mailgun.org]:587
    @newsletter.example.org [email-smtp.eu-west-1.amazonaws.com]:465 # Amazon SES
    @example.com.au [smtp.sendgrid.net]:587

    # Internal mail goes out directly
    @INTERNAL.EXAMPLE.COM 

    """
}
