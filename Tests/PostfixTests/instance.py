"""A private, throwaway Postfix instance (see docs/postfix-test-recipe.md).

Everything lives under one temp dir: conf/ (main.cf, master.cf), a root-owned queue dir
(also the chroot of smtp/relay, whose etc/resolv.conf names the test DNS), a data dir,
tables/ (copies of the generated /etc/postfix tables) and log/maillog. It never binds a
network port (no smtpd in master.cf) and never touches the system's Postfix.
"""

import os
import re
import shutil
import json
import signal
import subprocess
import threading
import time

POSTFIX = "/usr/sbin/postfix"
SENDMAIL = "/usr/sbin/sendmail"
POSTCONF = "/usr/sbin/postconf"
POSTQUEUE = "/usr/sbin/postqueue"

LOG_GRACE = 2.5   # seconds a status line may trail the message's move between queues

# Set when the run is being torn down (Ctrl-C, SIGTERM): waits return at once and no
# new command starts.
ABORT = threading.Event()
_running = set()          # Popen objects of commands in flight, to kill them on abort
_running_lock = threading.Lock()


class Result:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(cmd, input=None, timeout=30):
    """Run a Postfix command in its own process group, so an abort can end it (and
    anything it spawned, such as postfix-script's helpers) by that group's ID."""
    if ABORT.is_set():
        raise PostfixError("aborted")
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    with _running_lock:
        _running.add(proc)
    try:
        out, err = proc.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        raise PostfixError("%s timed out after %ss" % (" ".join(cmd[:3]), timeout))
    finally:
        with _running_lock:
            _running.discard(proc)
    return Result(proc.returncode, out, err)


def kill_running_commands():
    """End every command started by run() that is still going (abort path)."""
    with _running_lock:
        procs = list(_running)
    for proc in procs:
        _kill_group(proc)


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass

# DMS's own main.cf before the relay scripts run (spec §5).
DMS_BASELINE = [
    ("relayhost", ""),
    ("recipient_delimiter", "+"),
    ("smtp_tls_security_level", "may"),
]

# The private-instance plumbing. Chosen so nothing but the settings under test decides routing.
def _plumbing(root):
    return [
        ("compatibility_level", "3.6"),
        ("queue_directory", os.path.join(root, "queue")),
        ("data_directory", os.path.join(root, "data")),
        ("maillog_file", os.path.join(root, "log", "maillog")),
        ("maillog_file_prefixes", root),
        ("inet_interfaces", "loopback-only"),
        ("inet_protocols", "ipv4"),
        ("smtp_bind_address", "127.0.0.1"),
        ("myhostname", "mail.harness.test"),
        ("mydomain", "harness.test"),
        ("myorigin", "$myhostname"),
        ("mydestination", ""),
        ("alias_maps", ""),
        ("alias_database", ""),
        ("local_recipient_maps", ""),
        ("relay_domains", ""),
        ("mynetworks", "127.0.0.0/8"),
        ("biff", "no"),
        # Bounce notices are mail too; they must not wander off or slow the run down.
        ("bounce_queue_lifetime", "0"),
    ]


MASTER_CF = """\
# service type  private unpriv  chroot  wakeup  maxproc command
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       y       -       -       smtp
relay     unix  -       -       y       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       discard
virtual   unix  -       n       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""

# One log line per delivery attempt: "<qid>: to=<rcpt>, relay=..., ..., status=X (text)".
STATUS_RE = re.compile(
    r"postfix[^\s]*/(?P<proc>[\w-]+)\[\d+\]: (?P<qid>[0-9A-Za-z]+): to=<(?P<rcpt>[^>]*)>,"
    r"(?:.*? relay=(?P<relay>[^,]*),)?.*? status=(?P<status>\w+) \((?P<text>.*)\)$")

TABLE_PATH_RE = re.compile(r"/etc/postfix/([A-Za-z0-9_.-]+)")


class PostfixError(Exception):
    """The instance could not be set up, started or stopped."""


class PostfixInstance:
    """One Postfix master with its own config, queue, chroot and log."""

    def __init__(self, root, dns_ip, settings, tables):
        """root: empty dir; settings: [(key, value)] applied on top of the DMS baseline;
        tables: {name: [lines] or None} for the /etc/postfix/NAME files DMS generated."""
        self.root = root
        self.conf = os.path.join(root, "conf")
        self.queue = os.path.join(root, "queue")
        self.log_path = os.path.join(root, "log", "maillog")
        self.dns_ip = dns_ip
        self.settings = settings
        self.tables = tables
        self.master_pid = None

    # -- setup ----------------------------------------------------------------------

    def prepare(self):
        """Write the directory layout, tables, chroot etc/ and config files."""
        os.chmod(self.root, 0o755)
        for sub in ("conf", "queue", "data", "log", "tables"):
            os.makedirs(os.path.join(self.root, sub), mode=0o755, exist_ok=True)
        shutil.chown(os.path.join(self.root, "data"), "postfix", "postfix")
        self._write_tables()
        self._write_chroot_etc()
        main_cf = "".join("%s = %s\n" % (k, v) for k, v in self.main_cf_settings())
        _write(os.path.join(self.conf, "main.cf"), main_cf)
        _write(os.path.join(self.conf, "master.cf"), MASTER_CF)

    def table_path(self, name):
        return os.path.join(self.root, "tables", name)

    def main_cf_settings(self):
        """Plumbing, then DMS's baseline, then the generated settings; a later key wins
        but keeps the position of its first appearance (as `postconf -e` does)."""
        merged = {}
        for key, value in _plumbing(self.root) + DMS_BASELINE + list(self.settings):
            merged[key] = TABLE_PATH_RE.sub(lambda m: self.table_path(m.group(1)), value)
        return list(merged.items())

    def _write_tables(self):
        """A table is its lines joined by "\\n" plus a final "\\n"; None means no file."""
        for name, lines in self.tables.items():
            if lines is None:
                continue
            _write(self.table_path(name), "".join(line + "\n" for line in lines))

    def _write_chroot_etc(self):
        """Name resolution for the chrooted smtp: only the test DNS, no search domains."""
        etc = os.path.join(self.queue, "etc")
        os.makedirs(etc, exist_ok=True)
        _write(os.path.join(etc, "resolv.conf"),
               "nameserver %s\noptions timeout:1 attempts:2\n" % self.dns_ip)
        _write(os.path.join(etc, "hosts"), "127.0.0.1 localhost\n")
        _write(os.path.join(etc, "nsswitch.conf"), "hosts: files dns\nservices: files\n")
        shutil.copy("/etc/services", os.path.join(etc, "services"))

    # -- lifecycle ------------------------------------------------------------------

    def start(self):
        """`postfix -c conf start`, then remember the master's PID for a clean stop."""
        proc = run([POSTFIX, "-c", self.conf, "start"], timeout=60)
        pid_file = os.path.join(self.queue, "pid", "master.pid")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not ABORT.is_set():
            pid = _read_pid(pid_file)
            if pid and _alive(pid):
                self.master_pid = pid
                return
            time.sleep(0.1)
        raise PostfixError("postfix did not start (rc=%s): %s %s\n%s" % (
            proc.returncode, proc.stdout, proc.stderr, self.log_text()[-2000:]))

    def effective(self, key):
        """The value Postfix itself reads for `key` from this instance's main.cf."""
        out = run([POSTCONF, "-c", self.conf, "-h", key])
        return out.stdout.strip()

    def submit(self, sender, rcpt):
        """Queue one message from `sender` to `rcpt` with the real sendmail command."""
        body = ("From: <%s>\nTo: <%s>\nSubject: dms-relay routing test\n\n"
                "Routing probe for %s.\n" % (sender, rcpt, sender))
        proc = run([SENDMAIL, "-C", self.conf, "-i", "-f", sender, "--", rcpt], input=body)
        if proc.returncode != 0:
            raise PostfixError("sendmail -f %s failed: %s" % (sender, proc.stderr.strip()))

    def stop(self):
        """SIGTERM the master (it stops its children), then any leftover child by PID.

        Also works when start() was interrupted: the PID then comes from the pid file."""
        if not self.master_pid:
            self.master_pid = _read_pid(os.path.join(self.queue, "pid", "master.pid"))
        if not self.master_pid or not self._is_our_master(self.master_pid):
            self.master_pid = None
            return
        family = [pid for pid in _descendants(self.master_pid) if _is_postfix_program(pid)]
        _signal(self.master_pid, signal.SIGTERM)
        _wait_gone([self.master_pid] + family, 5.0)
        leftovers = [pid for pid in [self.master_pid] + family
                     if _alive(pid) and _is_postfix_program(pid)]
        for pid in leftovers:
            _signal(pid, signal.SIGKILL)
        _wait_gone(leftovers, 2.0)
        self.master_pid = None

    def _is_our_master(self, pid):
        """The PID is a Postfix master started with this instance's config (guards
        against a stale pid file naming a recycled PID)."""
        try:
            with open("/proc/%d/environ" % pid, "rb") as fh:
                environ = fh.read().split(b"\0")
        except OSError:
            return False
        return _is_postfix_program(pid) and \
            ("MAIL_CONFIG=" + self.conf).encode() in environ

    # -- outcomes -------------------------------------------------------------------

    def log_text(self):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as fh:
                return fh.read()
        except FileNotFoundError:
            return ""

    def statuses(self):
        """First `status=` line per recipient: {rcpt: match dict + "line"}."""
        found = {}
        for line in self.log_text().splitlines():
            m = STATUS_RE.search(line)
            if m and m.group("rcpt").lower() not in found:
                entry = m.groupdict()
                entry["line"] = line
                found[m.group("rcpt").lower()] = entry
        return found

    def queued(self):
        """{rcpt: queue name} for mail still in the queue (`postqueue -j`)."""
        proc = run([POSTQUEUE, "-c", self.conf, "-j"])
        found = {}
        for line in proc.stdout.splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            for rcpt in entry.get("recipients", []):
                found[rcpt.get("address", "").lower()] = entry.get("queue_name")
        return found

    def wait_for_outcomes(self, rcpts, timeout):
        """Poll until every recipient has settled, or the timeout passes.

        Settled means a `status=` line in the log, or one of two silent deferrals:
        - the smtp process died while handling the message (a relay value such as
          `# note`): Postfix moves it to the deferred queue without a status line;
        - smtp dies at startup (`smtp_sasl_auth_enable` without a password table): the
          master throttles the service and the message waits in the active queue,
          nothing leaves until the configuration changes.
        A message still queued at the deadline without a status line counts as deferred
        too (it was neither delivered nor bounced and Postfix will retry it).
        Returns {rcpt: {"status", "relay", "text", "line", "silent"} or None}.
        """
        wanted = {r.lower() for r in rcpts}
        deadline = time.monotonic() + timeout
        first_seen = {}   # (rcpt, queue) -> when it was first seen there without a status line
        while True:
            found = self.statuses()
            pending = wanted - set(found)
            now = time.monotonic()
            timed_out = now >= deadline or ABORT.is_set()
            if pending:
                throttled = self.transport_throttled()
                for rcpt, queue in self.queued().items():
                    if rcpt not in pending:
                        continue
                    if queue == "deferred":
                        why = "moved to the deferred queue without a status line"
                    elif throttled:
                        why = "held in the %s queue: smtp transport throttled" % queue
                    elif timed_out:
                        why = "still in the %s queue after %ds" % (queue, timeout)
                    else:
                        continue
                    # The log line can trail the queue move (postlogd writes it later): give it
                    # a moment, counted from when this silent state was first seen, not from
                    # when the message was first queued (a slow TLS attempt would use it up).
                    if now - first_seen.setdefault((rcpt, queue), now) < LOG_GRACE and not timed_out:
                        continue
                    # Moved or throttled: the smtp client died (an `error` prediction).
                    found[rcpt] = {"status": "deferred", "silent": True, "relay": None,
                                   "died": queue == "deferred" or throttled,
                                   "text": why, "line": ""}
                pending = wanted - set(found)
            if not pending or timed_out:
                return {r: found.get(r) for r in wanted}
            time.sleep(0.2)

    def transport_throttled(self):
        """True when the master gave up starting smtp (it died at startup)."""
        return re.search(r"postfix/master\[\d+\]: warning: \S+/smtp: bad command startup -- throttling",
                         self.log_text()) is not None

    def fatal_lines(self):
        """warning/fatal/panic lines, to explain a surprising outcome."""
        return [line for line in self.log_text().splitlines()
                if re.search(r"\b(fatal|panic|error):|warning:", line)]


def _write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def _read_pid(path):
    try:
        with open(path) as fh:
            return int(fh.read().strip() or 0)
    except (OSError, ValueError):
        return None


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie is as good as gone.
    try:
        with open("/proc/%d/stat" % pid) as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _is_postfix_program(pid):
    """The process runs one of Postfix's daemons (checked before any signal is sent)."""
    try:
        return os.readlink("/proc/%d/exe" % pid).startswith("/usr/lib/postfix/sbin/")
    except OSError:
        return False


def _signal(pid, sig):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _descendants(pid):
    """All processes below `pid`, from /proc (children of the master are its services)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _wait_gone(pids, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.05)
