/// The demo's mail log: what a DMS 13.3.1 container logged for the demo configuration, in
/// Postfix's own line shapes (as the real-Postfix suite's logs have them).
///
/// It tells the demo's story from the log's side: until the morning the container still ran
/// an older configuration that sent example.com's mail direct, which the files no longer
/// say; mailgun refused shop.example.net's login; the port-465 relay never greeted; and
/// since `RELAY_HOST` came without credentials, Postfix's smtp client dies and mail queues.
/// `dms-relay demo` writes it where DMS's compose file mounts the log, beside the config.
public enum DemoMailLog {
  public static let path = "docker-data/dms/mail-logs/mail.log"

  public static let content = #"""
    Dec 05 07:58:02 mail postfix/master[301]: daemon started -- version 3.7.11, configuration /etc/postfix
    Dec 05 08:04:11 mail postfix/pickup[512]: 3A1F2C0D41: uid=5000 from=<admin@example.com>
    Dec 05 08:04:11 mail postfix/cleanup[640]: 3A1F2C0D41: message-id=<20261205080411.3A1F2C0D41@mail.example.com>
    Dec 05 08:04:11 mail postfix/qmgr[513]: 3A1F2C0D41: from=<admin@example.com>, size=1843, nrcpt=1 (queue active)
    Dec 05 08:04:12 mail postfix/smtp[702]: 3A1F2C0D41: to=<jane.doe@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK  1733385852 a1si1234567wrx.12 - gsmtp)
    Dec 05 08:04:12 mail postfix/qmgr[513]: 3A1F2C0D41: removed
    Dec 05 09:15:40 mail postfix/qmgr[513]: 4B2E3D1E52: from=<sales@example.com>, size=5120, nrcpt=1 (queue active)
    Dec 05 09:15:41 mail postfix/smtp[731]: 4B2E3D1E52: to=<buyer@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.42.0]:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=2.6.0, status=sent (250 2.6.0 <20261205091540.4B2E3D1E52@mail.example.com> Queued mail for delivery)
    Dec 05 09:15:41 mail postfix/qmgr[513]: 4B2E3D1E52: removed
    Dec 05 09:40:03 mail postfix/qmgr[513]: 5C3F4E2F63: from=<orders@shop.example.net>, size=2210, nrcpt=1 (queue active)
    Dec 05 09:40:04 mail postfix/smtp[744]: 5C3F4E2F63: to=<customer@example.org>, relay=smtp.mailgun.org[34.160.1.1]:587, delay=1.1, delays=0.1/0/0.9/0, dsn=4.7.0, status=deferred (SASL authentication failed; server smtp.mailgun.org[34.160.1.1] said: 535 5.7.0 Authentication failed)
    Dec 05 10:02:17 mail postfix/qmgr[513]: 6D405F3A74: from=<news@newsletter.example.org>, size=18230, nrcpt=1 (queue active)
    Dec 05 10:07:17 mail postfix/smtp[760]: 6D405F3A74: to=<reader@example.net>, relay=email-smtp.eu-west-1.amazonaws.com[52.31.1.1]:465, delay=300, delays=0.1/0/300/0, dsn=4.4.2, status=deferred (lost connection with email-smtp.eu-west-1.amazonaws.com[52.31.1.1] while receiving the initial server greeting)
    Dec 05 11:21:09 mail postfix/qmgr[513]: 7E516A4B85: from=<admin@example.com>, size=1302, nrcpt=1 (queue active)
    Dec 05 11:21:10 mail postfix/smtp[771]: 7E516A4B85: to=<ops@partner.example>, relay=mx.partner.example[203.0.113.25]:25, delay=0.8, delays=0.1/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F1A2B3C4D)
    Dec 05 11:21:10 mail postfix/qmgr[513]: 7E516A4B85: removed
    Dec 05 13:30:00 mail postfix/master[301]: reload -- version 3.7.11, configuration /etc/postfix
    Dec 05 13:45:22 mail postfix/qmgr[513]: 8F627B5C96: from=<team@example.com.au>, size=2048, nrcpt=1 (queue active)
    Dec 05 13:45:22 mail postfix/smtp[802]: fatal: specify a password table via the `smtp_sasl_password_maps' configuration parameter
    Dec 05 13:45:23 mail postfix/master[301]: warning: process /usr/lib/postfix/sbin/smtp pid 802 exit status 1
    Dec 05 13:45:23 mail postfix/master[301]: warning: /usr/lib/postfix/sbin/smtp: bad command startup -- throttling
    Dec 05 14:02:51 mail postfix/qmgr[513]: 9A738C6DA7: from=<sales@example.com>, size=3301, nrcpt=1 (queue active)
    Dec 05 14:02:51 mail postfix/smtp[815]: fatal: specify a password table via the `smtp_sasl_password_maps' configuration parameter
    Dec 05 14:02:52 mail postfix/master[301]: warning: process /usr/lib/postfix/sbin/smtp pid 815 exit status 1
    Dec 05 14:02:52 mail postfix/master[301]: warning: /usr/lib/postfix/sbin/smtp: bad command startup -- throttling

    """#
}
