"""SRS with the real postsrsd (issue 15 §2, spec §9).

A case whose `env` sets `ENABLE_SRS=1` gets its own postsrsd, started the way DMS v12+
starts it: DMS's `/etc/default/postsrsd` (with `SRS_DOMAIN`, `SRS_EXCLUDE_DOMAINS` filled in as
`_setup_SRS` does, a test secret and free loopback ports) passed through
`env $(grep -vE "^(#.*|\\s*)$" FILE) postsrsd -e`. The plan's Postfix is wired to it as DMS
wires it (`sender_canonical_maps = tcp:…`, `sender_canonical_classes`, the recipient side),
so a blank in `SRS_EXCLUDE_DOMAINS` splits there exactly as in the container.

Per probe, on top of the usual judgement: a relay or MX that accepted the message must have
seen the MAIL FROM `dms-relay route` predicts (`rewritten_sender`, with postsrsd's real hash
and day stamp where the prediction says `HASH` and `TT`), or the original sender when none is
predicted. When postsrsd cannot start, the plan's log test becomes: postsrsd exited at once
and every probe still waits in the maildrop.

Nothing is left running: postsrsd and its per-connection children are stopped by PID (checked
to be /usr/sbin/postsrsd) when the plan ends.
"""

import os
import re
import signal
import socket
import subprocess
import time

from instance import _descendants, _signal  # the process helpers the Postfix instance uses

POSTSRSD = "/usr/sbin/postsrsd"

# DMS's target/postsrsd/postsrsd (v12.1.0–master), comments shortened; the harness fills in
# the domain, exclusions, secret and ports, as DMS's `_setup_SRS` fills in the first two.
DMS_DEFAULT = """\
# Default settings for postsrsd

# Local domain name.
SRS_DOMAIN={domain}

# Exclude additional domains.
{exclude}

# First separator character after SRS0 or SRS1.
SRS_SEPARATOR==

# Secret key to sign rewritten addresses.
SRS_SECRET={secret}

# Local ports for TCP list.
SRS_FORWARD_PORT={forward}
SRS_REVERSE_PORT={reverse}

# Drop root privileges and run as another user after initialization.
RUN_AS=postsrsd
"""

# The start command of DMS's supervisor config (`[program:postsrsd]`, v12.1.0–master).
START = 'env $(grep -vE "^(#.*|\\s*)$" {file}) {postsrsd} -e -p {pid}'


def enabled(plan):
    return plan.case.env.get("ENABLE_SRS", "").strip() == "1"


def srs_domain(env):
    """SRS_DOMAINNAME, else DOMAINNAME (the cases set no host name: spec §9)."""
    return (env.get("SRS_DOMAINNAME") or env.get("DOMAINNAME") or "").strip()


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Daemon:
    """One postsrsd for one plan."""

    def __init__(self, plan, root):
        env = plan.case.env
        self.root = root
        self.domain = srs_domain(env)
        self.exclude = env.get("SRS_EXCLUDE_DOMAINS", "")
        self.classes = env.get("SRS_SENDER_CLASSES") or "envelope_sender"
        self.forward, self.reverse = _free_port(), _free_port()
        self.proc = None
        self.exit_code = None
        self.output = ""

    @property
    def postconf(self):
        """`_setup_SRS`'s four settings, pointed at this daemon's ports."""
        return [("sender_canonical_maps", "tcp:127.0.0.1:%d" % self.forward),
                ("sender_canonical_classes", self.classes),
                ("recipient_canonical_maps", "tcp:127.0.0.1:%d" % self.reverse),
                ("recipient_canonical_classes", "envelope_recipient,header_recipient")]

    def start(self):
        if not self.domain:
            raise OSError("an ENABLE_SRS case must set SRS_DOMAINNAME or DOMAINNAME")
        if not os.access(POSTSRSD, os.X_OK):
            raise OSError("postsrsd is not installed (run scripts/install-postfix-deps)")
        secret = os.path.join(self.root, "postsrsd.secret")
        with open(secret, "w") as fh:
            fh.write("dms-relay-test-secret\n")
        os.chmod(secret, 0o600)
        exclude = ("SRS_EXCLUDE_DOMAINS=%s" % self.exclude) if self.exclude \
            else "#SRS_EXCLUDE_DOMAINS=.example.com,example.org"
        default = os.path.join(self.root, "default-postsrsd")
        with open(default, "w") as fh:
            fh.write(DMS_DEFAULT.format(domain=self.domain, exclude=exclude, secret=secret,
                                        forward=self.forward, reverse=self.reverse))
        log = open(os.path.join(self.root, "postsrsd.log"), "w+")
        command = START.format(file=default, postsrsd=POSTSRSD,
                               pid=os.path.join(self.root, "postsrsd.pid"))
        self.proc = subprocess.Popen(["/bin/bash", "-c", command], stdout=log, stderr=log,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.exit_code = self.proc.returncode
                break
            if _listening(self.forward):
                break
            time.sleep(0.05)
        log.seek(0)
        self.output = log.read().strip()
        log.close()

    @property
    def running(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        """SIGTERM the daemon and its per-connection children (by PID, each checked to be
        postsrsd), SIGKILL what is left."""
        if self.proc is None:
            return
        pids = [self.proc.pid] + _descendants(self.proc.pid)
        pids = [p for p in pids if _is_postsrsd(p)]
        for pid in pids:
            _signal(pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            pass
        for pid in pids:
            if _is_postsrsd(pid):
                _signal(pid, signal.SIGKILL)
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass


def start_for(plan, root):
    """The plan's postsrsd, started, or None when the case does not enable SRS."""
    if not enabled(plan):
        return None
    daemon = Daemon(plan, root)
    daemon.start()
    return daemon


# -- judging -----------------------------------------------------------------------------

def _pattern(rewritten):
    """The predicted address as a regex: HASH and TT stand for postsrsd's hash and stamp."""
    parts = [re.escape(p) for p in rewritten.split("HASH")]
    text = "[A-Za-z0-9+/]{4}".join(parts)
    text = text.replace(re.escape("=TT="), "=[A-Za-z0-9+/]{2}=", 1)
    return re.compile("^%s$" % text, re.IGNORECASE)


def expected_mail_from(pred, sender):
    """(text, matcher) of the MAIL FROM a server must see for this prediction."""
    rewritten = pred.get("rewritten_sender")
    if rewritten:
        pattern = _pattern(rewritten)
        return rewritten, pattern.match
    return sender, lambda seen: seen.lower() == sender.lower()


def judge_sender(plan, sender, pred, obs, ok, detail):
    """The usual verdict, plus: an accepting server saw the predicted envelope sender."""
    if not enabled(plan):
        return ok, detail
    accepted = [d for d in obs["attempts"] if d.accepted]
    if not accepted:
        return ok, detail
    want, matches = expected_mail_from(pred, sender)
    seen = accepted[-1].mail_from
    if matches(seen):
        return ok, "%s; MAIL FROM <%s> as predicted (%s)" % (detail, seen, want)
    return False, "%s; MAIL FROM <%s>, predicted <%s>" % (detail, seen, want)


def logged_sender(plan, sender, pred, logged):
    """The probe sender when the log's sender is its predicted rewrite, else `logged`
    (the log shows the envelope sender after postsrsd)."""
    if not enabled(plan) or not logged:
        return logged
    _, matches = expected_mail_from(pred, sender)
    return sender if matches(logged) else logged


def down_check(plan, inst, daemon, observed):
    """The log test of a plan whose postsrsd could not start: it exited at once, and every
    probe is still in the maildrop (cleanup could not reach it), none delivered."""
    name = "%s log" % plan.label
    if daemon is None or daemon.running:
        return [(name, False, "postsrsd is running, yet the prediction says it never starts")]
    queued = inst.queued()
    stuck = [s for s, (rcpt, _) in observed.items() if queued.get(rcpt.lower()) == "maildrop"]
    problems = []
    if len(stuck) != len(observed):
        problems.append("%d of %d probes in the maildrop" % (len(stuck), len(observed)))
    warnings = [line for line in inst.log_text().splitlines()
                if "127.0.0.1:%d" % daemon.forward in line and "warning" in line]
    detail = "postsrsd exited %s (%s); %d probes held in the maildrop; %d Postfix warnings name tcp:127.0.0.1:%d" % (
        daemon.exit_code, daemon.output.splitlines()[-1] if daemon.output else "no output",
        len(stuck), len(warnings), daemon.forward)
    if problems:
        return [(name, False, "; ".join(problems) + " (" + detail + ")")]
    return [(name, True, detail)]


# -- processes ---------------------------------------------------------------------------

def _listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def _is_postsrsd(pid):
    try:
        return os.readlink("/proc/%d/exe" % pid) == POSTSRSD
    except OSError:
        return False
