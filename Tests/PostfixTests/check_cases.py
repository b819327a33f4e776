"""`dms-relay check` against a real Postfix smtpd with Cyrus SASL, side by side with swaks.

    python3 Tests/PostfixTests/check_cases.py --binary .build/debug/dms-relay [--verbose]

Needs root (a private Postfix instance) and sasl2-bin, swaks, openssl. One Postfix smtpd
(sasl_relay.py) plays the provider's submission relay on a free loopback port. Each case
writes a DMS 14 config folder whose relay map sends its domain there, runs
`dms-relay check --json`, and asserts:

- the verdict and failed step, and for a wrong password Postfix's own 535 reply text;
- the SASL user name Postfix logged equals the one `dms-relay route` predicts for that
  sender (sender-dependent key versus the next hop's key);
- no password appears in anything dms-relay printed;
- swaks, run with the same server, TLS, credentials and sender, reaches the same verdict.

Prints one PASS/FAIL line per case and ends with "N passed, M failed"; exit 1 on failure.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sasl_relay import SaslRelay  # noqa: E402

USERS = {"alice-relay": "right-pass-1", "hostuser": "host-pass-2"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Case:
    def __init__(self, name, domain, relaymap, sasl, verdict, failed_step=None, user=None,
                 reply=None, send_to=None, swaks_auth=None):
        self.name, self.domain = name, domain
        self.relaymap, self.sasl = relaymap, sasl
        self.verdict, self.failed_step = verdict, failed_step
        self.user = user              # the SASL user the relay must log (None: no login)
        self.reply = reply            # the exact reply of the failed step
        self.send_to = send_to
        self.swaks_auth = swaks_auth  # (user, password) swaks sends, as the config says

    @property
    def sender(self):
        return "alice@" + self.domain


def cases(port):
    hop = "[127.0.0.1]:%d" % port
    return [
        Case("sender-dependent key, right password", "a.test",
             "@a.test %s\n" % hop, "@a.test alice-relay:right-pass-1\n%s hostuser:host-pass-2\n" % hop,
             "ok", user="alice-relay", swaks_auth=("alice-relay", "right-pass-1")),
        Case("next-hop key, right password", "b.test",
             "@b.test %s\n" % hop, "%s hostuser:host-pass-2\n" % hop,
             "ok", user="hostuser", swaks_auth=("hostuser", "host-pass-2")),
        Case("wrong password fails at AUTH with Postfix's reply", "c.test",
             "@c.test %s\n" % hop, "@c.test alice-relay:not-the-password\n",
             "failed", failed_step="auth",
             reply="535 5.7.8 Error: authentication failed: authentication failure",
             swaks_auth=("alice-relay", "not-the-password")),
        Case("no credentials: the relay refuses the recipient", "d.test",
             "@d.test %s\n" % hop, None, "failed", failed_step="rcpt_to",
             send_to="bob@remote.test"),
        Case("test message with the right password", "e.test",
             "@e.test %s\n" % hop, "@e.test alice-relay:right-pass-1\n", "ok", user="alice-relay",
             send_to="bob@remote.test", swaks_auth=("alice-relay", "right-pass-1")),
        Case("closed port", "f.test", "@f.test [127.0.0.1]:1\n", None, "failed", failed_step="connect"),
    ]


def write_config(root, case):
    config = os.path.join(root, case.domain)
    os.makedirs(config)
    with open(os.path.join(config, "postfix-relaymap.cf"), "w") as fh:
        fh.write(case.relaymap)
    if case.sasl is not None:
        with open(os.path.join(config, "postfix-sasl-password.cf"), "w") as fh:
            fh.write(case.sasl)
    with open(os.path.join(config, "postfix-accounts.cf"), "w") as fh:
        fh.write("%s|{SHA512-CRYPT}$6$x$y\n" % case.sender)
    env = os.path.join(config, "mailserver.env")
    open(env, "w").close()
    return ["--config-dir", config, "--env-file", env, "--dms-version", "14.0.0"]


def run(cmd, timeout=60):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def swaks(case, port):
    """swaks's verdict for the same session: True when it got through."""
    host, _, p = case.relaymap.split()[1].strip("[").partition("]:")
    cmd = ["swaks", "--server", host, "--port", p, "--from", case.sender,
           "--to", case.send_to or "nobody@remote.test", "--timeout", "10",
           "--quit-after", "RCPT" if case.send_to else "FROM"]
    if p != "1":
        cmd += ["--tls"]
    if case.swaks_auth:
        cmd += ["--auth", "PLAIN", "--auth-user", case.swaks_auth[0],
                "--auth-password", case.swaks_auth[1]]
    return run(cmd).returncode == 0


def check_case(binary, root, relay, case, port):
    """Problems with one case (empty: it passed)."""
    problems = []
    options = write_config(root, case)
    cmd = [binary, "check", "--sender", case.sender, "--json", "--timeout", "5"] + options
    if case.send_to:
        cmd += ["--send-to", case.send_to]
    before = len(relay.sasl_usernames())
    proc = run(cmd)
    expected_rc = 0 if case.verdict == "ok" else 1
    if proc.returncode != expected_rc:
        problems.append("exit %d, expected %d: %s" % (proc.returncode, expected_rc, proc.stderr.strip()))
    try:
        result = json.loads(proc.stdout)[0]
    except (ValueError, IndexError):
        return problems + ["no JSON result: %r" % proc.stdout[:300]]
    if result["verdict"] != case.verdict or result["failed_step"] != case.failed_step:
        problems.append("verdict %s at %s, expected %s at %s (%s)" % (
            result["verdict"], result["failed_step"], case.verdict, case.failed_step,
            result["explanation"]))
    if case.reply is not None:
        failed = [s for s in result["steps"] if not s["ok"]]
        if not failed or failed[-1]["reply"] != case.reply:
            problems.append("reply %r, expected Postfix's %r" % (failed[-1]["reply"] if failed else None, case.reply))
    logged = relay.sasl_usernames()[before:]
    if case.user is not None:
        route = json.loads(run([binary, "route", "--sender", case.sender, "--json"] + options).stdout)[0]
        if logged != [case.user] or route["auth_user"] != case.user:
            problems.append("Postfix logged logins %s, the preview predicts %r, expected %r" % (
                logged, route["auth_user"], case.user))
    elif logged:
        problems.append("Postfix logged logins %s, expected none" % logged)
    for secret in list(USERS.values()) + ["not-the-password"]:
        if secret in proc.stdout or secret in proc.stderr:
            problems.append("a password appears in dms-relay's output")
    swaks_ok = swaks(case, port)
    if swaks_ok != (case.verdict == "ok"):
        problems.append("swaks %s, dms-relay %s" % ("passed" if swaks_ok else "failed", result["verdict"]))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    parser.add_argument("--pause", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    root = tempfile.mkdtemp(prefix="dms-relay-check-")
    os.chmod(root, 0o755)  # Postfix's unprivileged processes traverse it
    os.makedirs(os.path.join(root, "configs"))
    port = free_port()
    relay = SaslRelay(os.path.join(root, "relay"), port, USERS)
    passed = failed = 0
    try:
        os.makedirs(relay.root)
        relay.prepare()
        relay.start()
        for case in cases(port):
            problems = check_case(binary, os.path.join(root, "configs"), relay, case, port)
            if problems:
                failed += 1
                print("FAIL check: %s -- %s" % (case.name, "; ".join(problems)))
            else:
                passed += 1
                print("PASS check: %s" % case.name)
        if failed and args.verbose:
            print(relay.log_text()[-3000:], file=sys.stderr)
    except Exception as error:  # the relay could not start: one clear failure
        failed += 1
        print("FAIL check harness -- %s" % error)
    finally:
        relay.stop()
        if args.keep:
            print("kept %s" % root, file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
