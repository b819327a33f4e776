"""The fake network every Postfix instance of a run talks to: test DNS + fake SMTP servers.

One world serves all plans, so servers start once per run. Messages are told apart by
their recipient (unique per test), not by which instance sent them.

Addresses: a random 127.B.0.0/16 block per run (so two runs cannot collide): the DNS on
127.B.53.53, the MX sink on 127.B.2.25 (and, advertising AUTH, for AUTH_RECIPIENT_DOMAIN on
127.B.2.26), relay names on 127.B.1.N (one address per name).
Nothing outside 127.0.0.0/8 is ever named, and a config that would make Postfix connect
outside it is refused.
"""

import ipaddress
import random
import re

from cases import AUTH_RECIPIENT_DOMAIN, RECIPIENT_DOMAIN
from dnsserver import DnsServer
from fakesmtp import FakeSmtpFarm, Recorder, make_tls_context

MX_HOST = "mx." + RECIPIENT_DOMAIN
AUTH_MX_HOST = "mx." + AUTH_RECIPIENT_DOMAIN   # the same sink, but advertising AUTH
MX_SERVER = "mx"   # name the MX sink records deliveries under
HOSTNAME_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


class WorldError(Exception):
    pass


# Postfix's default known_tcp_ports: service names a next hop may use instead of a number.
KNOWN_TCP_PORTS = {"lmtp": "24", "smtp": "25", "smtps": "465", "submissions": "465", "submission": "587"}


def parse_hop(word):
    """A next hop as Postfix writes it -> (host lowercased, port) or None if not a hop."""
    word = word.strip().rstrip("\r")
    if not word or word.startswith("#"):
        return None
    if word.startswith("["):
        host, sep, rest = word[1:].partition("]")
        if not sep:
            return None
        port = rest[1:] if rest.startswith(":") else ("25" if not rest else None)
    else:
        host, _, port = word.partition(":")
        port = port or "25"
    port = KNOWN_TCP_PORTS.get(port, port) if port is not None else None
    if port is None or not port.isdigit():
        return None
    return host.lower(), int(port)


def hops_of_plan(plan):
    """Every host:port Postfix could try for this plan: relay map values (each word),
    relayhost, sasl keys written as hops, the env relay settings, and the predictions."""
    words = []
    for line in plan.tables.get("relayhost_map") or []:
        parts = line.split(None, 1)
        if len(parts) == 2:
            words += parts[1].replace(",", " ").split()
    for line in plan.tables.get("sasl_passwd") or []:
        parts = line.split(None, 1)
        if parts and "@" not in parts[0]:
            words.append(parts[0])
    conf = dict(plan.postconf)
    words += conf.get("relayhost", "").replace(",", " ").split()
    env = plan.case.env
    if env.get("RELAY_HOST"):
        words.append("[%s]:%s" % (env["RELAY_HOST"], env.get("RELAY_PORT") or "25"))
    if env.get("DEFAULT_RELAY_HOST"):
        words.append(env["DEFAULT_RELAY_HOST"])
    for route in plan.predictions.values():
        if route.get("relay"):
            host, _, port = route["relay"].rpartition(":")
            words.append("[%s]:%s" % (host, port))
    hops = set()
    for word in words:
        hop = parse_hop(word)
        if hop:
            hops.add(hop)
    return hops


def _is_ip(host):
    try:
        ipaddress.IPv4Address(host)
        return True
    except ValueError:
        return False


class World:
    """DNS + relays + MX sink for a set of plans."""

    def __init__(self, workdir, plans):
        self.workdir = workdir
        self.recorder = Recorder()
        self.endpoints = {}    # (host, port) -> require_auth
        self.closed = set()    # (host, port) that resolve but refuse connections
        self.refused = {}      # plan label -> reason
        for plan in plans:
            self._collect(plan)
        self.base = None
        self.dns = None
        self.farm = None
        self.names = {}        # host -> ip

    def _collect(self, plan):
        for host, port in sorted(hops_of_plan(plan)):
            if _is_ip(host):
                if not ipaddress.IPv4Address(host).is_loopback:
                    self.refused[plan.label] = "refusing to run: config targets %s" % host
                continue
            if not HOSTNAME_RE.match(host) or host == MX_HOST:
                continue
            key = (host, port)
            if "%s:%d" % key in plan.case.closed:
                self.closed.add(key)
                continue
            needs_auth = "%s:%d" % key in plan.case.require_auth
            self.endpoints[key] = self.endpoints.get(key, False) or needs_auth

    @property
    def dns_ip(self):
        return "127.%d.53.53" % self.base

    def requires_auth(self, relay):
        """Whether the fake server for "host:port" demands AUTH."""
        if not relay:
            return False
        host, _, port = relay.rpartition(":")
        return self.endpoints.get((host.lower(), int(port) if port.isdigit() else 0), False)

    def is_closed(self, relay):
        """Whether "host:port" resolves to an address where nothing listens."""
        host, _, port = (relay or "").rpartition(":")
        return (host.lower(), int(port) if port.isdigit() else 0) in self.closed

    def server_for_ip(self, ip):
        for name, addr in self.names.items():
            if addr == ip:
                return name
        return None

    def start(self):
        """Pick a free 127.B block, then start DNS and every server in it."""
        context = make_tls_context(self.workdir)
        last_error = None
        for _ in range(8):
            self.base = random.randint(100, 250)
            try:
                self._start_in_block(context)
                return
            except OSError as exc:
                last_error = exc
                self.stop()
        raise WorldError("could not bind the fake network on loopback: %s" % last_error)

    def _start_in_block(self, context):
        hosts = sorted({host for host, _ in list(self.endpoints) + list(self.closed) if not _is_ip(host)})
        if len(hosts) > 250:
            raise WorldError("too many relay names")
        self.names = {host: "127.%d.1.%d" % (self.base, i + 1) for i, host in enumerate(hosts)}
        mx_ip = "127.%d.2.25" % self.base
        auth_mx_ip = "127.%d.2.26" % self.base
        a_records = dict(self.names)
        a_records[MX_HOST] = mx_ip
        a_records[AUTH_MX_HOST] = auth_mx_ip
        self.dns = DnsServer(self.dns_ip, a_records, {RECIPIENT_DOMAIN: [(10, MX_HOST)],
                                                      AUTH_RECIPIENT_DOMAIN: [(10, AUTH_MX_HOST)]})
        self.dns.start()
        self.farm = FakeSmtpFarm(context, self.recorder)
        self.farm.add(mx_ip, 25, MX_SERVER, offers_auth=False)
        self.farm.add(auth_mx_ip, 25, MX_SERVER, offers_auth=True)
        for (host, port), needs_auth in sorted(self.endpoints.items()):
            ip = host if _is_ip(host) else self.names[host]
            self.farm.add(ip, port, "%s:%d" % (host, port), require_auth=needs_auth)

    def stop(self):
        if self.farm:
            self.farm.stop()
            self.farm = None
        if self.dns:
            self.dns.stop()
            self.dns = None
