"""`dms-relay log` on each plan's real mail log (issue 13).

After a plan ran, its private Postfix's log (log/maillog) holds the real lines for every
probe. `dms-relay log --json` on that file, with the plan's configuration and version, must
report every message exactly as the suite observed it — sender, relay (host:port, the MX
sink as "mx", none) and status — and say `agrees` for each sender domain whose predictions
all held. One test per plan: "<case> [<family>] log".

A message Postfix never logged a status for (smtp died, or it still waits in the queue) has
no recipient in the log: it is matched by its sender (each probe sender sends one message)
and must be `deferred` (or `queued`, when the log shows no reason yet: the suite then saw it
"still in the queue").
"""

import json
import subprocess

import srs
from world import MX_SERVER

BINARY = None   # set by harness.main in binary mode; None skips the check (builtin mode)


def _relay(relay):
    """dms-relay's "host:port" -> the suite's spelling ("mx" for the sink, None for none)."""
    if not relay or relay in ("none", "local"):
        return None
    if relay.lower().startswith("mx."):
        return MX_SERVER
    return relay.lower()


def check(plan, inst, observed, verdicts):
    """observed: {sender: (rcpt, obs from judge.observe)}; verdicts: {sender: prediction held}."""
    name = "%s log" % plan.label
    if BINARY is None:
        return []
    args = [BINARY, "log", "--config-dir", plan.case.path, "--env-file", "%s/env" % plan.case.path,
            "--dms-version", plan.version, "--json", inst.log_path]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
        report = json.loads(proc.stdout)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return [(name, False, "dms-relay log failed: %s" % exc)]
    if proc.returncode not in (0, 1):
        return [(name, False, "dms-relay log exited %d: %s" % (proc.returncode, proc.stderr.strip()[:300]))]
    by_rcpt = {(m["recipient"] or "").lower(): m for m in report["messages"] if m["recipient"]}
    silent = {}
    for m in report["messages"]:
        if not m["recipient"] and m["sender"]:
            silent.setdefault(m["sender"].lower(), m)
    problems = []
    for sender, (rcpt, obs) in sorted(observed.items()):
        if obs["outcome"] == "pending":
            continue
        m = by_rcpt.get(rcpt.lower()) or silent.get(sender.lower())
        if m is None:
            problems.append("%s: missing from the report (suite: %s)" % (sender, obs["outcome"]))
            continue
        status = m["status"]
        if status == "queued" and obs["outcome"] == "deferred" and not obs["line"]:
            status = "deferred"
        logged = srs.logged_sender(plan, sender, plan.predictions.get(sender, {}), m["sender"] or "")
        # A deferred bounce (sender <>) expires at once (bounce_queue_lifetime = 0): the
        # report gives its last status, the suite its first.
        if status == "expired" and obs["outcome"] == "deferred" and sender == "<>":
            status = "deferred"
        got = (logged.lower(), _relay(m["relay"]), status)
        # Postfix logs the null sender as from=<>, which the report gives as "".
        want = ("" if sender == "<>" else sender.lower(), obs["relay_log"], obs["outcome"])
        if got != want:
            problems.append("%s: log says sender=%s relay=%s status=%s, suite saw sender=%s relay=%s status=%s"
                            % ((sender,) + got + want))
    senders = {s["domain"].lower(): s for s in report["senders"]}
    by_domain = {}
    for sender, ok in verdicts.items():
        by_domain.setdefault(sender.rsplit("@", 1)[-1].lower(), []).append(ok)
    checked = 0
    for domain, oks in sorted(by_domain.items()):
        if not all(oks) or domain not in senders:
            continue
        checked += 1
        if senders[domain]["agrees"] is not True:
            problems.append("%s: every prediction held, yet agrees=%s (%s)" % (
                domain, json.dumps(senders[domain]["agrees"]), senders[domain]["explanation"]))
    detail = "%d messages, %d domains agree, %d unread lines" % (
        len(report["messages"]), checked, report["unread_lines"])
    if report["unread_lines"]:
        problems.append("%d unread lines in a real Postfix log" % report["unread_lines"])
    if problems:
        return [(name, False, "; ".join(problems) + " (" + detail + ")")]
    return [(name, True, detail)]
