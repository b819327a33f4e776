#!/usr/bin/env python3
"""Write a large, realistic Postfix mail log for `scripts/benchmark-log` (issue 13).

The line shapes are the ones a real Postfix 3.7 writes (the real-Postfix suite's logs,
Tests/RelayModelTests/Observed/RealPostfixLog.swift) plus what a DMS mail log has around
them: smtpd connect/disconnect, pickup, cleanup, qmgr, smtp/lmtp deliveries (sent, deferred
then sent, bounced with the bounce notice), a few warnings, and dovecot / amavis / opendkim
lines from other programs. Times advance through the day in syslog form.

Usage: make-mail-log.py OUTPUT [--size-mb N] [--domains N] [--seed N] [--config DIR]
With --config, also writes a DMS config folder whose relay map routes each domain the way
the log shows it (so `dms-relay log --config-dir DIR` compares, and agrees).
Prints the size written and the number of messages.
"""

import argparse
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output")
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--domains", type=int, default=2000, help="distinct sender domains")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--config", help="also write a matching DMS config folder here")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    target = args.size_mb * 1024 * 1024
    domains = ["d%d.example" % i for i in range(args.domains)]
    relays = ["smtp.sendgrid.net[167.89.115.%d]:587" % i for i in range(1, 5)] + \
             ["email-smtp.eu-west-1.amazonaws.com[52.16.%d.1]:587" % i for i in range(1, 3)]
    mx = ["mx%d.recipient%d.test[198.51.100.%d]:25" % (i % 3, i, i % 250 + 1) for i in range(200)]
    hex_digits = "0123456789ABCDEF"
    written = 0
    messages = 0
    second = 0
    with open(args.output, "w", buffering=8 << 20) as out:
        batch = []
        while written < target:
            second += 1
            t = "Dec %2d %02d:%02d:%02d" % (1 + (second // 86400) % 28, (second // 3600) % 24, (second // 60) % 60, second % 60)
            host = "mail"
            qid = "".join(rng.choice(hex_digits) for _ in range(11))
            pid = rng.randint(1000, 60000)
            index = min(len(domains) - 1, int(rng.paretovariate(1.2)) - 1)
            domain = domains[index]
            sender = "user%d@%s" % (rng.randint(1, 50), domain)
            rcpt = "r%d@recipient%d.test" % (rng.randint(1, 10000), rng.randint(0, 199))
            kind = rng.random()
            lines = []
            if kind < 0.15:   # inbound: smtpd, then lmtp to dovecot
                lines.append("%s %s postfix/smtpd[%d]: connect from mail-ed1.example.org[203.0.113.%d]" % (t, host, pid, pid % 250))
                lines.append("%s %s postfix/smtpd[%d]: %s: client=mail-ed1.example.org[203.0.113.%d]" % (t, host, pid, qid, pid % 250))
                lines.append("%s %s postfix/cleanup[%d]: %s: message-id=<%s@example.org>" % (t, host, pid + 1, qid, qid))
                lines.append("%s %s postfix/qmgr[211]: %s: from=<news@example.org>, size=%d, nrcpt=1 (queue active)" % (t, host, qid, rng.randint(900, 90000)))
                lines.append("%s %s amavis[%d]: (%d-01) Passed CLEAN {RelayedInbound}, [203.0.113.9]:41122 <news@example.org> -> <%s>, Queue-ID: %s, Hits: -1.2, size: 4821, 1223 ms" % (t, host, pid + 2, pid, sender, qid))
                lines.append("%s %s postfix/lmtp[%d]: %s: to=<%s>, relay=mail.example.com[/var/run/dovecot/lmtp], delay=1.3, delays=0.1/0/0/1.2, dsn=2.0.0, status=sent (250 2.0.0 <%s> Saved)" % (t, host, pid + 3, qid, sender, sender))
                lines.append("%s %s dovecot: lmtp(%s)<%d><abc>: msgid=<%s@example.org>: saved mail to INBOX" % (t, host, sender, pid + 4, qid))
                lines.append("%s %s postfix/qmgr[211]: %s: removed" % (t, host, qid))
                lines.append("%s %s postfix/smtpd[%d]: disconnect from mail-ed1.example.org[203.0.113.%d] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7" % (t, host, pid, pid % 250))
            else:             # outbound: submission, then smtp via a relay or direct
                relay = relays[index % len(relays)] if index % 4 else mx[rng.randrange(len(mx))]
                lines.append("%s %s postfix/submission/smtpd[%d]: connect from unknown[172.18.0.%d]" % (t, host, pid, pid % 250))
                lines.append("%s %s postfix/submission/smtpd[%d]: %s: client=unknown[172.18.0.%d], sasl_method=PLAIN, sasl_username=%s" % (t, host, pid, qid, pid % 250, sender))
                lines.append("%s %s postfix/cleanup[%d]: %s: message-id=<%s@%s>" % (t, host, pid + 1, qid, qid, domain))
                lines.append("%s %s opendkim[%d]: %s: DKIM-Signature field added (s=mail, d=%s)" % (t, host, pid + 2, qid, domain))
                lines.append("%s %s postfix/qmgr[211]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (t, host, qid, sender, rng.randint(900, 90000)))
                lines.append("%s %s postfix/submission/smtpd[%d]: disconnect from unknown[172.18.0.%d] ehlo=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=6" % (t, host, pid, pid % 250))
                if kind < 0.20:
                    lines.append("%s %s postfix/smtp[%d]: %s: to=<%s>, relay=%s, delay=0.3, delays=0.1/0/0.1/0.1, dsn=4.7.0, status=deferred (SASL authentication failed; server %s said: 535 5.7.8 Authentication credentials invalid)" % (t, host, pid + 5, qid, rcpt, relay, relay.split(":")[0]))
                    lines.append("%s %s postfix/smtp[%d]: %s: to=<%s>, relay=%s, delay=301, delays=300/0/0.4/0.6, dsn=2.0.0, status=sent (250 Ok: queued as %s)" % (t, host, pid + 6, qid, rcpt, relay, qid.lower()))
                elif kind < 0.22:
                    lines.append("%s %s postfix/smtp[%d]: %s: to=<%s>, relay=%s, delay=0.5, delays=0.1/0/0.2/0.2, dsn=5.7.1, status=bounced (host %s said: 550 5.7.1 Sender address rejected: not owned by user (in reply to MAIL FROM command))" % (t, host, pid + 5, qid, rcpt, relay, relay.split(":")[0]))
                    nqid = "".join(rng.choice(hex_digits) for _ in range(11))
                    lines.append("%s %s postfix/cleanup[%d]: %s: message-id=<%s@mail.example.com>" % (t, host, pid + 1, nqid, nqid))
                    lines.append("%s %s postfix/bounce[%d]: %s: sender non-delivery notification: %s" % (t, host, pid + 7, qid, nqid))
                    lines.append("%s %s postfix/qmgr[211]: %s: from=<>, size=%d, nrcpt=1 (queue active)" % (t, host, nqid, 2444))
                    lines.append("%s %s postfix/lmtp[%d]: %s: to=<%s>, relay=mail.example.com[/var/run/dovecot/lmtp], delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (250 2.0.0 Saved)" % (t, host, pid + 3, nqid, sender))
                    lines.append("%s %s postfix/qmgr[211]: %s: removed" % (t, host, nqid))
                else:
                    lines.append("%s %s postfix/smtp[%d]: Trusted TLS connection established to %s: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)" % (t, host, pid + 5, relay.rsplit(":", 1)[0]))
                    lines.append("%s %s postfix/smtp[%d]: %s: to=<%s>, relay=%s, delay=0.62, delays=0.08/0.01/0.21/0.32, dsn=2.0.0, status=sent (250 Ok: queued as %s)" % (t, host, pid + 5, qid, rcpt, relay, qid.lower()))
                lines.append("%s %s postfix/qmgr[211]: %s: removed" % (t, host, qid))
            messages += 1
            block = "\n".join(lines) + "\n"
            written += len(block)
            batch.append(block)
            if len(batch) >= 2000:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))
    if args.config:
        write_config(args.config, domains, relays)
    print("%s: %.0f MB, %d messages" % (args.output, written / 1048576, messages))


def write_config(folder, domains, relays):
    """Accounts for every domain; a relay-map line for the domains the log relays."""
    import os
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "postfix-accounts.cf"), "w") as fh:
        for domain in domains:
            fh.write("user1@%s|{SHA512-CRYPT}$6$x$y\n" % domain)
    with open(os.path.join(folder, "postfix-relaymap.cf"), "w") as fh:
        for index, domain in enumerate(domains):
            if index % 4:
                host = relays[index % len(relays)].split("[")[0]
                fh.write("@%s [%s]:587\n" % (domain, host))
    with open(os.path.join(folder, "env"), "w") as fh:
        fh.write("OVERRIDE_HOSTNAME=mail.example.com\n")


if __name__ == "__main__":
    main()
