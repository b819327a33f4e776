"""A tiny authoritative DNS server for the test's private world (UDP, stdlib only).

Postfix's chrooted smtp processes read a resolv.conf that points here, so relay names
resolve to the suite's own loopback servers without touching /etc/hosts or the system
resolver. Only what Postfix asks is answered:

- A for every relay name (one loopback address per name);
- MX for the recipient domain, pointing at the direct-delivery sink;
- NOERROR with no answer (NODATA) for other types of a known name, so an unbracketed
  relay name falls back from MX to its A record, as Postfix does with real DNS;
- NXDOMAIN for everything else, so nothing ever resolves to a non-loopback address.
"""

import socket
import struct
import threading

TYPE_A = 1
TYPE_MX = 15
RCODE_NOERROR = 0
RCODE_FORMERR = 1
RCODE_NXDOMAIN = 3


class DnsServer:
    """Answer A/MX queries from fixed tables on one loopback address, port 53."""

    def __init__(self, address, a_records, mx_records):
        """a_records: {name: ipv4}; mx_records: {domain: [(preference, host)]}."""
        self.address = address
        self.a_records = {name.lower().rstrip("."): ip for name, ip in a_records.items()}
        self.mx_records = {name.lower().rstrip("."): list(mx) for name, mx in mx_records.items()}
        self.queries = []  # (name, type) seen, for debugging failed runs
        self._sock = None
        self._thread = None
        self._stopping = False

    def start(self):
        """Bind and serve in a daemon thread. Raises OSError if the address is taken."""
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((self.address, 53))
        self._sock.settimeout(0.2)
        self._thread = threading.Thread(target=self._serve, name="dns", daemon=True)
        self._thread.start()

    def stop(self):
        """Stop serving and close the socket."""
        self._stopping = True
        if self._thread:
            self._thread.join(timeout=2)
        if self._sock:
            self._sock.close()

    def _serve(self):
        while not self._stopping:
            try:
                data, peer = self._sock.recvfrom(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            reply = self.answer(data)
            if reply:
                try:
                    self._sock.sendto(reply, peer)
                except OSError:
                    pass

    def answer(self, query):
        """Build the reply for one query packet (None if it is not worth answering)."""
        if len(query) < 12:
            return None
        ident, flags, qdcount = struct.unpack("!HHH", query[:6])
        if flags & 0x8000:  # a response, not a query
            return None
        try:
            name, qtype, qclass, end = _parse_question(query, 12)
        except (IndexError, ValueError, struct.error):
            return _header(ident, flags, RCODE_FORMERR, 0, 0)
        if qdcount != 1:
            return _header(ident, flags, RCODE_FORMERR, 0, 0)
        self.queries.append((name, qtype))
        question = query[12:end]
        answers = []
        rcode = RCODE_NOERROR
        if name in self.a_records:
            if qtype == TYPE_A:
                answers.append(_rr(TYPE_A, socket.inet_aton(self.a_records[name])))
        elif name in self.mx_records:
            if qtype == TYPE_MX:
                for pref, host in self.mx_records[name]:
                    answers.append(_rr(TYPE_MX, struct.pack("!H", pref) + _encode_name(host)))
        else:
            rcode = RCODE_NXDOMAIN
        return _header(ident, flags, rcode, 1, len(answers)) + question + b"".join(answers)


def _parse_question(packet, offset):
    """Return (lowercased name, qtype, qclass, end offset). Queries never use compression."""
    labels = []
    while True:
        length = packet[offset]
        offset += 1
        if length == 0:
            break
        if length & 0xC0:
            raise ValueError("compressed name in question")
        labels.append(packet[offset:offset + length].decode("ascii", "replace"))
        offset += length
    qtype, qclass = struct.unpack("!HH", packet[offset:offset + 4])
    return ".".join(labels).lower(), qtype, qclass, offset + 4


def _header(ident, query_flags, rcode, qdcount, ancount):
    """Response header: QR, AA and RA set; opcode and RD copied from the query."""
    flags = 0x8000 | (query_flags & 0x7800) | 0x0400 | (query_flags & 0x0100) | 0x0080 | rcode
    return struct.pack("!HHHHHH", ident, flags, qdcount, ancount, 0, 0)


def _rr(rtype, rdata, ttl=60):
    """One answer record whose owner is the question name (compression pointer to 12)."""
    return struct.pack("!HHHIH", 0xC00C, rtype, 1, ttl, len(rdata)) + rdata


def _encode_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        raw = label.encode("ascii")
        out += bytes([len(raw)]) + raw
    return out + b"\x00"
