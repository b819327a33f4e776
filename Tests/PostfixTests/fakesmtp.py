"""Fake SMTP servers on loopback that record what Postfix delivered to them.

Each relay `host:port` of a case gets one server at the loopback address the test DNS
gives that host, plus one MX sink for direct delivery. They behave like a submission
service of a real provider, closely enough for Postfix's smtp client:

- EHLO advertises STARTTLS; after TLS it advertises `AUTH PLAIN LOGIN`;
- port 465 speaks implicit TLS (wrapper mode): the TLS handshake comes first, so a Postfix
  without `smtp_tls_wrappermode = yes` waits for a greeting that never comes. The server
  gives up after a few seconds (as providers do) and Postfix defers the mail;
- any credentials are accepted, unless the server is told to require AUTH, in which case
  MAIL FROM without AUTH gets `530 5.7.0 Authentication required` (Postfix bounces);
- the MX sink advertises no AUTH at all, like a typical inbound MX (Postfix's own default,
  Gmail's MX): Postfix then never authenticates for direct delivery.

Per accepted or refused transaction a `Delivery` is recorded: server, AUTH user/password
(or none), TLS, MAIL FROM, recipients and the reply given.
"""

import base64
import socket
import socketserver
import ssl
import threading
from dataclasses import dataclass, field

IMPLICIT_TLS_PORTS = {465}
HANDSHAKE_TIMEOUT = 3.0   # implicit-TLS server waits this long for a ClientHello
IDLE_TIMEOUT = 30.0       # any session idle this long is dropped


@dataclass
class Delivery:
    """One SMTP transaction as the fake server saw it."""
    server: str                    # "host:port" as the test names it (DNS name, no brackets)
    mail_from: str
    rcpts: list = field(default_factory=list)
    auth_user: object = None       # None when the client did not authenticate
    auth_password: object = None
    tls: bool = False
    accepted: bool = False         # message body accepted (250 after DATA)
    reply: str = ""                # final reply to this transaction


class Recorder:
    """Thread-safe store of deliveries, looked up by recipient address."""

    def __init__(self):
        self._lock = threading.Lock()
        self.deliveries = []

    def add(self, delivery):
        with self._lock:
            self.deliveries.append(delivery)

    def for_recipient(self, rcpt):
        """All transactions that named (or tried to name) this recipient."""
        rcpt = rcpt.lower()
        with self._lock:
            return [d for d in self.deliveries if rcpt in (r.lower() for r in d.rcpts)]

    def by_sender(self, sender):
        sender = sender.lower()
        with self._lock:
            return [d for d in self.deliveries if d.mail_from.lower() == sender]


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, addr, name, tls_context, recorder, require_auth, implicit_tls,
                 offers_auth=True):
        self.name = name
        self.offers_auth = offers_auth
        self.tls_context = tls_context
        self.recorder = recorder
        self.require_auth = require_auth
        self.implicit_tls = implicit_tls
        super().__init__(addr, _Session)


class _Session(socketserver.BaseRequestHandler):
    """One SMTP session; deliberately simple (no pipelining, no 8BITMIME games)."""

    def setup(self):
        self.conn = self.request
        self.conn.settimeout(IDLE_TIMEOUT)
        self.buf = b""
        self.tls = False
        self.auth_user = None
        self.auth_password = None
        self.current = None

    def handle(self):
        srv = self.server
        try:
            if srv.implicit_tls:
                self.conn.settimeout(HANDSHAKE_TIMEOUT)
                self.conn = srv.tls_context.wrap_socket(self.conn, server_side=True)
                self.conn.settimeout(IDLE_TIMEOUT)
                self.tls = True
            self.send("220 %s ESMTP fake relay" % srv.name.split(":")[0])
            while True:
                line = self.readline()
                if line is None:
                    return
                if not self.dispatch(line):
                    return
        except (OSError, ssl.SSLError, ValueError):
            return
        finally:
            self.finish_transaction("connection closed")

    # -- protocol -------------------------------------------------------------------

    def dispatch(self, line):
        """Handle one command line; return False to end the session."""
        verb, _, arg = line.partition(" ")
        verb = verb.upper()
        if verb == "EHLO":
            caps = ["250-%s" % self.server.name.split(":")[0], "250-SIZE 10240000"]
            if not self.tls:
                caps.append("250-STARTTLS")
            elif self.server.offers_auth:
                caps.append("250-AUTH PLAIN LOGIN")
            caps.append("250 ENHANCEDSTATUSCODES")
            self.send("\r\n".join(caps))
        elif verb == "HELO":
            self.send("250 %s" % self.server.name.split(":")[0])
        elif verb == "STARTTLS" and not self.tls:
            self.send("220 2.0.0 Ready to start TLS")
            self.conn = self.server.tls_context.wrap_socket(self.conn, server_side=True)
            self.tls = True
            self.buf = b""
            self.auth_user = self.auth_password = None
        elif verb == "AUTH" and self.tls and self.server.offers_auth:
            self.do_auth(arg)
        elif verb == "MAIL":
            self.finish_transaction("RSET by new MAIL")
            sender = _angle(arg)
            self.current = Delivery(server=self.server.name, mail_from=sender,
                                    auth_user=self.auth_user, auth_password=self.auth_password,
                                    tls=self.tls)
            if self.server.require_auth and self.auth_user is None:
                self.current.reply = "530 5.7.0 Authentication required"
                self.send(self.current.reply)
                self.server.recorder.add(self.current)
                self.current = None
            else:
                self.send("250 2.1.0 Ok")
        elif verb == "RCPT":
            if self.current is None:
                self.send("503 5.5.1 Error: need MAIL command")
            else:
                self.current.rcpts.append(_angle(arg))
                self.send("250 2.1.5 Ok")
        elif verb == "DATA":
            if self.current is None or not self.current.rcpts:
                self.send("503 5.5.1 Error: need RCPT command")
            else:
                self.send("354 End data with <CR><LF>.<CR><LF>")
                while True:
                    data_line = self.readline()
                    if data_line is None:
                        return False
                    if data_line == ".":
                        break
                self.current.accepted = True
                self.current.reply = "250 2.0.0 Ok: queued"
                self.send(self.current.reply)
                self.server.recorder.add(self.current)
                self.current = None
        elif verb == "RSET":
            self.finish_transaction("RSET")
            self.send("250 2.0.0 Ok")
        elif verb == "NOOP":
            self.send("250 2.0.0 Ok")
        elif verb == "QUIT":
            self.send("221 2.0.0 Bye")
            return False
        else:
            self.send("502 5.5.2 Error: command not recognized")
        return True

    def do_auth(self, arg):
        """AUTH PLAIN (with or without initial response) and AUTH LOGIN."""
        mech, _, initial = arg.partition(" ")
        mech = mech.upper()
        if mech == "PLAIN":
            if not initial:
                self.send("334 ")
                initial = self.readline() or ""
            try:
                parts = base64.b64decode(initial).split(b"\0")
                user, password = parts[1].decode("utf-8", "replace"), parts[2].decode("utf-8", "replace")
            except (ValueError, IndexError):
                self.send("501 5.5.2 Cannot decode response")
                return
        elif mech == "LOGIN":
            try:
                if initial:
                    user = base64.b64decode(initial).decode("utf-8", "replace")
                else:
                    self.send("334 VXNlcm5hbWU6")
                    user = base64.b64decode(self.readline() or "").decode("utf-8", "replace")
                self.send("334 UGFzc3dvcmQ6")
                password = base64.b64decode(self.readline() or "").decode("utf-8", "replace")
            except ValueError:
                self.send("501 5.5.2 Cannot decode response")
                return
        else:
            self.send("504 5.5.4 Unrecognized authentication type")
            return
        self.auth_user, self.auth_password = user, password
        self.send("235 2.7.0 Authentication successful")

    def finish_transaction(self, why):
        """Record an open transaction that never reached the end of DATA."""
        if self.current is not None:
            self.current.reply = self.current.reply or why
            self.server.recorder.add(self.current)
            self.current = None

    # -- I/O ------------------------------------------------------------------------

    def send(self, text):
        self.conn.sendall(text.encode("utf-8") + b"\r\n")

    def readline(self):
        """One line without CRLF, or None at EOF."""
        while b"\n" not in self.buf:
            chunk = self.conn.recv(65536)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.rstrip(b"\r").decode("utf-8", "replace")


def _angle(arg):
    """The address inside `FROM:<...>` / `TO:<...>` (parameters after it dropped)."""
    start, end = arg.find("<"), arg.find(">")
    if start >= 0 and end > start:
        return arg[start + 1:end]
    return arg.split(":", 1)[-1].strip().split(" ")[0]


class FakeSmtpFarm:
    """All fake servers of a run, started and stopped together."""

    def __init__(self, tls_context, recorder):
        self.tls_context = tls_context
        self.recorder = recorder
        self._servers = []

    def add(self, ip, port, name, require_auth=False, offers_auth=True):
        """Start one server on ip:port that calls itself `name` (a "host:port" string)."""
        server = _Server((ip, port), name, self.tls_context, self.recorder,
                         require_auth, port in IMPLICIT_TLS_PORTS, offers_auth)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                                  name="smtp-%s" % name, daemon=True)
        thread.start()
        self._servers.append((server, thread))

    def stop(self):
        for server, thread in self._servers:
            server.shutdown()
            server.server_close()
            thread.join(timeout=2)
        self._servers = []


def make_tls_context(workdir):
    """A server TLS context with a throwaway self-signed certificate made by openssl.

    Postfix at `encrypt` or `may` does not verify certificates, so self-signed is enough.
    """
    import subprocess
    import os
    key, cert = os.path.join(workdir, "fake.key"), os.path.join(workdir, "fake.crt")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=fake-relay.test", "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
