#!/usr/bin/env python3
"""Hostile-input and fault trial (issue 11): run by scripts/trial, which builds first.

1. Generates a corpus of hostile DMS checkouts (CRLF, NUL, invalid UTF-8, control and bidi
   characters, continuation lines, long lines, FIFOs, devices, folders and dangling links
   where files belong, absurd compose files, env_file pointing at YAML/.cf files) in which
   every password holds the marker TRIALSECRET.
2. Runs every command over each case under `timeout`, asserting: no crash (no signal, no
   exit >= 100), no hang, no TRIALSECRET in any output, and for each edit that succeeded,
   no byte changed outside the edited lines.
3. Concurrency: pairs of add-domain / add-auth runs at once; nothing is lost.
4. kill -9 mid-write of a large file: the file is always the old or the new version, whole,
   and the next write removes the temp left behind.

Usage: trial.py BINARY [--quick]. Prints a summary; exits 1 on any failure.
"""
import difflib
import hashlib
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

SECRET = "TRIALSECRET"
CONFIG = "docker-data/dms/config"
TIMEOUT = 30
failures = []
runs = 0


def fail(message):
    failures.append(message)
    print("FAIL: " + message, flush=True)


def compose(env_file=None, extra=""):
    text = "services:\n  mailserver:\n    image: ghcr.io/docker-mailserver/docker-mailserver:15.1\n"
    if env_file is not None:
        text += f"    env_file: {env_file}\n"
    return (text + extra).encode()


def cases():
    """(name, {relative path: bytes | 'fifo' | 'dir' | ('link', target)}) for each case."""
    long = b"x" * (1 << 20)
    sasl_variants = {
        "plain": b"@a.test user1:" + SECRET.encode() + b"1\n[smtp.other.test]:2525 u2:" + SECRET.encode() + b"2\n",
        "continuation": b"@a.test user1:\n  " + SECRET.encode() + b"3\n# c\n\t" + SECRET.encode() + b"4\n@b.test u:p" + SECRET.encode() + b"\n",
        "nospace": b"@h.test:user:" + SECRET.encode() + b"5\n@i.test user:" + SECRET.encode() + b"6 trailing words\n",
        "crlf": b"@a.test user1:" + SECRET.encode() + b"7\r\n@b.test u:" + SECRET.encode() + b"8",
        "commented": b"# @a.test user1:" + SECRET.encode() + b"9\n#@b.test u:" + SECRET.encode() + b"A\n",
        "binary": b"@a.test u:" + SECRET.encode() + b"\x00\xff\xfe\x1b[2J\n\xef\xbb\xbf@c.test u:" + SECRET.encode() + b"\n",
        "emptyuser": b"@a.test :" + SECRET.encode() + b"B\n@b.test u:\n",
        "longline": b"@a.test u:" + SECRET.encode() + long + b"\n",
        "empty": b"",
    }
    relay_variants = {
        "plain": b"# map\n@a.test [smtp.relay.test]:587\n@opt.test \n@other.test [o.test]:25\n",
        "crlf-nofinal": b"@a.test [r.test]:25\r\n@B.test [r.test]:25",
        "hostile": b"@a.test\t[r.test]:25\n  @cont.test [x]:1\n@\xff.test [y]:2\n@e.test [\x1b]0;pwned\x07]:25\n\x00\n@A.test [dup]:1\n",
        "longline": b"@big.test [" + long + b"]:25\n@a.test [r.test]:25\n",
        "empty": b"",
    }
    env_variants = {
        "plain": b"RELAY_HOST=smtp.test\nRELAY_PORT=587\nRELAY_USER=u\nRELAY_PASSWORD=" + SECRET.encode() + b"C\n",
        "hostile": b"\xef\xbb\xbfRELAY_HOST=h\r\n# RELAY_PASSWORD=" + SECRET.encode() + b"D\r\nRELAY_PASSWORD =" + SECRET.encode() + b"E\r\nSASL_PASSWD=u:" + SECRET.encode() + b"F\r\nBAD LINE\r\nRELAY_USER",
        "empty": b"",
    }
    out = []
    for s_name, sasl in sasl_variants.items():
        for r_name, relay in relay_variants.items():
            if "longline" in (s_name, r_name) and (s_name, r_name) not in (("longline", "plain"), ("plain", "longline")):
                continue
            env = env_variants["plain" if (len(out) % 3) else "hostile"]
            out.append((f"sasl-{s_name}.relay-{r_name}", {
                f"{CONFIG}/postfix-sasl-password.cf": sasl,
                f"{CONFIG}/postfix-relaymap.cf": relay,
                "mailserver.env": env,
            }))
    base = {f"{CONFIG}/postfix-relaymap.cf": relay_variants["plain"], f"{CONFIG}/postfix-sasl-password.cf": sasl_variants["plain"]}
    special = {
        "fifo-sasl": {f"{CONFIG}/postfix-sasl-password.cf": "fifo", f"{CONFIG}/postfix-relaymap.cf": relay_variants["plain"]},
        "fifo-env": {**base, "mailserver.env": "fifo"},
        "dir-relaymap": {f"{CONFIG}/postfix-relaymap.cf": "dir"},
        "devzero-env-file": {**base, "compose.yaml": compose("/dev/zero")},
        "devzero-compose-env": {**base, "compose.yaml": compose("[a.env, /dev/null]"), "a.env": env_variants["plain"]},
        "dangling-sasl": {f"{CONFIG}/postfix-sasl-password.cf": ("link", "nowhere.cf"), f"{CONFIG}/postfix-relaymap.cf": relay_variants["plain"]},
        "symlink-relaymap": {f"{CONFIG}/postfix-relaymap.cf": ("link", "../../../real-map.cf"), "real-map.cf": relay_variants["plain"]},
        "env_file-compose": {**base, "compose.yaml": compose("compose.yaml")},
        "env_file-cf": {**base, "compose.yaml": compose(f"{CONFIG}/postfix-relaymap.cf")},
        "compose-no-env": {**base, "compose.yaml": compose()},
        "compose-inline": {**base, "compose.yaml": compose(None, "    environment:\n      - RELAY_HOST=inline.test\n      - RELAY_PASSWORD=" + SECRET + "G\n")},
        "compose-two-envs": {**base, "compose.yaml": compose("[a.env, b.env]"), "a.env": env_variants["plain"], "b.env": env_variants["hostile"]},
        "compose-absurd": {**base, "compose.yaml": b"# " + b"y" * (5 << 20) + b"\n"},
        "compose-hostile": {**base, "compose.yaml": b"services: [\x00\xff\n  : : :\n&a *a *b\n"},
        "env-toolarge": {**base, "mailserver.env": b"#" * (5 << 20)},
    }
    out += list(special.items())
    return out


def materialise(root, files):
    for rel, content in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if content == "fifo":
            os.mkfifo(path)
        elif content == "dir":
            os.makedirs(path)
        elif isinstance(content, tuple):
            os.symlink(content[1], path)
        else:
            with open(path, "wb") as f:
                f.write(content)
            if rel.endswith("sasl-password.cf") or rel.endswith(".env"):
                os.chmod(path, 0o600)
    os.makedirs(os.path.join(root, CONFIG), exist_ok=True)


def snapshot(root):
    """Regular files' bytes by relative path (FIFOs and folders skipped, links followed)."""
    result = {}
    for folder, dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            try:
                if stat.S_ISREG(os.stat(path).st_mode):
                    with open(path, "rb") as f:
                        result[os.path.relpath(path, root)] = f.read()
            except OSError:
                pass
    return result


COMMANDS = [
    (["generate", "--dms-version", "15"], None, None),
    (["generate", "--dms-version", "13.3.1", "--json"], None, None),
    (["generate", "--dms-version", "11", "--path", "change"], None, None),
    (["preview", "--dms-version", "15"], None, None),
    (["preview", "--dms-version", "12", "--json"], None, None),
    (["route", "--dms-version", "15", "--sender", "x@a.test", "--sender", "y@b.test"], None, None),
    (["route", "--dms-version", "11", "--json", "--sender", "x@a.test"], None, None),
    (["compare", "13.3.1", "15"], None, None),
    (["add-domain", "trial.test", "relay.trial.test", "587"], "@trial.test", None),
    (["add-domain", "a.test", "new.relay.test"], "@a.test", None),
    (["exclude-domain", "trial.test", "--dry-run"], "@trial.test", None),
    (["del-domain", "a.test"], "@a.test", None),
    (["include-domain", "opt.test"], "@opt.test", None),
    (["add-auth", "trial.test", "u", "--password-stdin"], "@trial.test", SECRET + "H\n"),
    (["add-auth", "a.test", "user1", "--password-stdin", "--dry-run"], "@a.test", SECRET + "1\n"),
    (["add-auth", "a.test", "user1", "-" + SECRET + "I"], "@a.test", None),
    (["del-auth", "a.test", "--dry-run"], "@a.test", None),
    (["del-auth", "a.test"], "@a.test", None),
    (["set-env", "RELAY_HOST", "trial.relay.test"], "RELAY_HOST", None),
    (["set-env", "RELAY_PASSWORD", SECRET + "J", "--dry-run"], "RELAY_PASSWORD", None),
    (["unset-env", "RELAY_PASSWORD"], "RELAY_PASSWORD", None),
    (["add-domain", "bad\ndomain", "r\r.test"], None, None),
    (["route", "--dms-version", "15", "--sender", "x@a.test\x1b[2J\nfake: relayed"], None, None),
    (["set-env", "RELAY_PASSWORD", "-" + SECRET + "K"], "RELAY_PASSWORD", None),
]


def run(binary, args, cwd, stdin=None, timeout=TIMEOUT):
    global runs
    runs += 1
    started = time.monotonic()
    try:
        p = subprocess.run([binary] + args, cwd=cwd, input=(stdin or "").encode(), capture_output=True,
                           timeout=timeout, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "COLUMNS": "120"},
                           start_new_session=True)
        return p.returncode, p.stdout, p.stderr, time.monotonic() - started
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b"", timeout


def touched_only(old, new, key):
    """True when every line removed or added between old and new holds `key` (any case),
    apart from a last line that only gained its newline."""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    k = key.encode().lower()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed, added = a[i1:i2], b[j1:j2]
        for line in removed + added:
            if k in line.lower():
                continue
            if line.rstrip(b"\r\n") in [x.rstrip(b"\r\n") for x in (added if line in removed else removed)]:
                continue  # newline added to an unterminated last line
            return False
    return True


def check_case(binary, name, files, work):
    for args, key, stdin in COMMANDS:
        root = tempfile.mkdtemp(prefix=f"{name[:40]}-", dir=work)
        materialise(root, files)
        before = snapshot(root)
        code, out, err, elapsed = run(binary, args, root, stdin)
        shown = " ".join(repr(a) if not a.isprintable() else a for a in args)
        label = f"{name}: dms-relay {shown}"
        if code == "timeout":
            fail(f"{label}: hung (killed after {TIMEOUT} s)")
        elif code < 0 or code >= 100:
            fail(f"{label}: crashed (exit {code}): {err[-300:]!r}")
        if SECRET.encode() in out or SECRET.encode() in err:
            at = (out + err).find(SECRET.encode())
            fail(f"{label}: printed a password: {(out + err)[max(0, at - 80):at + 20]!r}")
        for stream in (out, err):
            text = stream.replace(b"\r", b"") if b"\xe2\x90\x8d" in stream else stream
            if b"\x1b" in text and "--json" not in args:
                fail(f"{label}: printed a raw escape character")
        after = snapshot(root)
        for rel, data in after.items():
            if rel in before and before[rel] != data:
                if code != 0:
                    fail(f"{label}: exit {code} but changed {rel}")
                elif key is None or not touched_only(before[rel], data, key):
                    fail(f"{label}: changed bytes of {rel} outside the edited lines")
        shutil.rmtree(root, ignore_errors=True)


def concurrency(binary, work, pairs):
    root = tempfile.mkdtemp(prefix="concurrent-", dir=work)
    os.makedirs(os.path.join(root, CONFIG))

    def pair(i):
        procs = [subprocess.Popen([binary, "add-domain", f"p{i}{s}.test", "r.test"], cwd=root,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for s in "ab"]
        procs += [subprocess.Popen([binary, "add-auth", f"q{i}{s}.test", "u", "--password-stdin"], cwd=root,
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for s in "ab"]
        for p in procs[2:]:
            p.stdin.write(b"pw\n")
            p.stdin.close()
        return [p.wait() for p in procs]

    for i in range(pairs):
        codes = pair(i)
        if any(c != 0 for c in codes):
            fail(f"concurrency: exit codes {codes}")
    for name, prefix in (("postfix-relaymap.cf", "@p"), ("postfix-sasl-password.cf", "@q")):
        with open(os.path.join(root, CONFIG, name)) as f:
            lines = [l for l in f.read().splitlines() if l.startswith(prefix)]
        if len(set(lines)) != 2 * pairs:
            fail(f"concurrency: {name} has {len(set(lines))} of {2 * pairs} entries")
    print(f"concurrency: {pairs} rounds of 2 add-domain + 2 add-auth at once: "
          f"{len(set(lines))}/{2 * pairs} credentials kept", flush=True)
    shutil.rmtree(root, ignore_errors=True)


def temps_in(config):
    return [n for n in os.listdir(config) if ".dms-relay-" in n]


def watch_write(proc, config, limit):
    """Polls `config` every half millisecond while `proc` runs: returns when the first temp
    appeared and when the temps were gone again (monotonic seconds; None when never seen)."""
    appeared = gone = None
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        now = time.monotonic()
        if temps_in(config):
            appeared = appeared or now
        elif appeared and gone is None:
            gone = now
        time.sleep(0.0005)
    return appeared, gone


def kill_mid_write(binary, work, kills):
    root = tempfile.mkdtemp(prefix="kill-", dir=work)
    config = os.path.join(root, CONFIG)
    os.makedirs(config)
    path = os.path.join(config, "postfix-relaymap.cf")
    body = "".join(f"@d{i:07d}.example.test [relay{i % 50}.provider.test]:587\n" for i in range(400_000)).encode()
    with open(path, "wb") as f:
        f.write(body)
    versions = {hashlib.sha256(body).hexdigest()}
    # A write of this 400,000-line map takes a debug build 25-35 s on a 2-core machine, most
    # of it before the write (loading) and after it (the routing report's two previews); the
    # temps exist for a fraction of a second. So the kills do not land at a share of the whole
    # run: each waits for the temp to appear and lands within 1.5x the calibrated write window,
    # some while the temp is written, fsynced or renamed and some just after. Runs of this size
    # get 4x the hang limit: what they measure is time, not whether the tool hangs (the corpus
    # checks that).
    limit = 4 * TIMEOUT
    p = subprocess.Popen([binary, "add-domain", "calibrate.test", "r.test"], cwd=root,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    appeared, gone = watch_write(p, config, limit)
    try:
        code = p.wait(timeout=max(1, limit - 1))
    except subprocess.TimeoutExpired:
        p.kill()
        code = "timeout"
    if code != 0 or appeared is None:
        fail(f"kill -9: the calibration write exited {code}" + ("" if appeared else " and never showed a temp"))
        return
    window = max(0.005, (gone or appeared) - appeared)
    rng = random.Random(11)
    outcomes = {"old": 0, "new": 0}
    temps_seen = 0
    for i in range(kills):
        with open(path, "rb") as f:
            current = f.read()
        expected_new = current + f"@k{i}.test [r.test]:25\n".encode()
        versions.add(hashlib.sha256(expected_new).hexdigest())
        stale = set(temps_in(config))
        p = subprocess.Popen([binary, "add-domain", f"k{i}.test", "r.test"], cwd=root,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + limit
        # The lock removes a kill's leftover temps first; wait for a temp of this run.
        while p.poll() is None and time.monotonic() < deadline and not (set(temps_in(config)) - stale):
            stale &= set(temps_in(config))
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 1.5 * window))
        p.send_signal(signal.SIGKILL)
        p.wait()
        with open(path, "rb") as f:
            now = f.read()
        if now == current:
            outcomes["old"] += 1
        elif now == expected_new:
            outcomes["new"] += 1
        else:
            fail(f"kill -9 #{i}: the file is neither the old nor the new version ({len(now)} bytes)")
        temps_seen += len(temps_in(config))
    # Temps a kill left are removed by the next write (often the next, killed, run itself);
    # the final, unkilled write must leave none and name any it removed.
    stale = temps_in(config)
    code, out, err, _ = run(binary, ["add-domain", "after.test", "r.test"], root, timeout=limit)
    left = temps_in(config)
    if code != 0 or left:
        fail(f"kill -9: the next write exited {code} and left {left}")
    for name in stale:
        if name.encode() not in out or b"a temp file left by a dms-relay write that was interrupted" not in out:
            fail(f"kill -9: the next write removed {name} without saying so")
    print(f"kill -9 mid-write: {kills} kills within {1.5 * window * 1000:.0f} ms of the temp appearing, "
          f"file old {outcomes['old']}x, new {outcomes['new']}x, never torn; "
          f"{temps_seen} leftover temps seen, all removed by the next write", flush=True)
    shutil.rmtree(root, ignore_errors=True)


def main():
    binary = os.path.abspath(sys.argv[1])
    quick = "--quick" in sys.argv
    work = tempfile.mkdtemp(prefix="dms-relay-trial-")
    started = time.monotonic()
    try:
        corpus = cases()
        with ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(lambda c: check_case(binary, c[0], c[1], work), corpus))
        print(f"hostile corpus: {len(corpus)} cases x {len(COMMANDS)} commands, {runs} runs, "
              f"{len(failures)} failures", flush=True)
        concurrency(binary, work, 10 if quick else 20)
        kill_mid_write(binary, work, 8 if quick else 20)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"trial: {len(failures)} failures in {time.monotonic() - started:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
