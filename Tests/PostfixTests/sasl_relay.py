"""A real Postfix smtpd on loopback acting as an authenticated submission relay.

Used by check_cases.py to prove `dms-relay check` against the real thing: a private
Postfix instance (instance.py's layout, its own config, queue and log) whose master.cf
adds one smtpd on 127.0.0.1:PORT with

- STARTTLS (a self-signed certificate made with openssl), AUTH only after TLS
  (`smtpd_tls_auth_only = yes`, as providers do);
- Cyrus SASL (`smtpd_sasl_type = cyrus`) checking users in a sasldb2 file written with
  sasl2-bin's saslpasswd2, mechanisms PLAIN and LOGIN (`smtpd_sasl_mechanism_filter`).
  Debian's smtpd reads no Cyrus config file from `cyrus_sasl_config_path` (observed: its
  `mech_list` and `sasldb_path` are ignored), so Cyrus opens its default /etc/sasldb2: the
  instance is started in a private mount namespace (`unshare --mount`) in which the test's
  sasldb2 is bind-mounted over /etc/sasldb2. The system's file is never touched;
- relaying only for authenticated clients.

A `check_sasl_access` WARN rule logs `sasl_login=NAME;` at every MAIL FROM of a logged-in
client, which is how a test learns the user name the server really saw.
"""

import os
import re
import shutil
import subprocess
import time

from instance import (MASTER_CF, POSTFIX, PostfixError, PostfixInstance, _alive, _plumbing,
                      _read_pid, _write, run)

HOSTNAME = "relay.harness.test"
SASL_SEEN_RE = re.compile(r"sasl_login=(?P<user>[^;\s]+);")


class SaslRelay(PostfixInstance):
    """One Postfix smtpd with Cyrus SASL on 127.0.0.1:port."""

    def __init__(self, root, port, users):
        """users: {name: password} written to the sasldb2 file."""
        super().__init__(root, dns_ip="127.0.0.1", settings=[], tables={})
        self.port = port
        self.users = users
        self.sasl_dir = os.path.join(root, "sasl")

    def main_cf_settings(self):
        tls = os.path.join(self.root, "tls")
        merged = dict(_plumbing(self.root) + [
            ("myhostname", HOSTNAME),
            ("smtpd_tls_security_level", "may"),
            ("smtpd_tls_cert_file", os.path.join(tls, "cert.pem")),
            ("smtpd_tls_key_file", os.path.join(tls, "key.pem")),
            ("smtpd_tls_auth_only", "yes"),
            ("smtpd_sasl_auth_enable", "yes"),
            ("smtpd_sasl_type", "cyrus"),
            ("smtpd_sasl_path", "smtpd"),
            ("smtpd_sasl_mechanism_filter", "plain, login"),
            ("smtpd_sasl_security_options", "noanonymous"),
            ("smtpd_relay_restrictions", "permit_sasl_authenticated, reject"),
            ("smtpd_recipient_restrictions", "permit_sasl_authenticated, reject"),
            # Log the login name at MAIL FROM (Postfix's own sasl_username= line comes only
            # with a queue file, i.e. after RCPT).
            ("smtpd_delay_reject", "no"),
            ("smtpd_sender_restrictions",
             "check_sasl_access regexp:" + os.path.join(self.root, "tables", "sasl_seen")),
        ])
        return list(merged.items())

    def prepare(self):
        super().prepare()
        _write(os.path.join(self.conf, "master.cf"),
               MASTER_CF + "127.0.0.1:%d inet n - n - - smtpd\n" % self.port)
        _write(os.path.join(self.root, "tables", "sasl_seen"), "/^(.+)$/ WARN sasl_login=$1;\n")
        self._write_certificate()
        self._write_sasldb()

    def _write_certificate(self):
        tls = os.path.join(self.root, "tls")
        os.makedirs(tls, exist_ok=True)
        proc = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=" + HOSTNAME, "-addext", "subjectAltName=DNS:" + HOSTNAME,
             "-keyout", os.path.join(tls, "key.pem"), "-out", os.path.join(tls, "cert.pem")],
            capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            raise PostfixError("openssl req failed: " + proc.stderr.strip())

    def _write_sasldb(self):
        """Each user in sasldb2 under the realm Cyrus uses for a login without one: the
        server's host name (`myhostname`)."""
        os.makedirs(self.sasl_dir, exist_ok=True)
        db = os.path.join(self.sasl_dir, "sasldb2")
        for user, password in self.users.items():
            proc = subprocess.run(
                ["saslpasswd2", "-p", "-c", "-f", db, "-u", HOSTNAME, user],
                input=password, capture_output=True, text=True, timeout=30)
            if proc.returncode != 0:
                raise PostfixError("saslpasswd2 failed: " + proc.stderr.strip())
        shutil.chown(db, "postfix", "postfix")
        os.chmod(db, 0o640)

    def start(self):
        """`postfix start` inside a private mount namespace with the test's sasldb2 over
        /etc/sasldb2 (the master and every smtpd it forks stay in that namespace)."""
        db = os.path.join(self.sasl_dir, "sasldb2")
        script = 'mount --bind "$1" /etc/sasldb2 && exec %s -c "$2" start' % POSTFIX
        proc = run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                    db, self.conf], timeout=60)
        pid_file = os.path.join(self.queue, "pid", "master.pid")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            pid = _read_pid(pid_file)
            if pid and _alive(pid):
                self.master_pid = pid
                time.sleep(0.5)  # the smtpd listener is up once the master has read master.cf
                return
            time.sleep(0.1)
        raise PostfixError("postfix did not start (rc=%s): %s %s\n%s" % (
            proc.returncode, proc.stdout, proc.stderr, self.log_text()[-2000:]))

    def sasl_usernames(self):
        """The user names of accepted logins, as smtpd logged them at MAIL FROM, in order."""
        return [m.group("user") for m in SASL_SEEN_RE.finditer(self.log_text())]
