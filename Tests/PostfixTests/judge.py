"""Compare what Postfix did with what dms-relay predicted.

Observed facts come from two independent sources: Postfix's own log (`status=` line,
`relay=`) and the fake servers (which server accepted the message, with which AUTH user).
A prediction holds when:

- `relayed`: the message was accepted by the fake server named by `relay` (host:port),
  authenticated as `auth_user` (or not at all when it is null);
- `direct`: the MX sink accepted it, with `auth_user` as above;
- `bounced` / `deferred`: Postfix logged that status line; when both the prediction and
  the log name a relay, they are the same;
- `error`: the smtp client died, so the message stayed queued without a status line (moved
  to the deferred queue, or held while the master throttles smtp);
- always: the instance's effective `smtp_tls_security_level` equals `tls`.

Two rules come from the fake world, not from the prediction: a relay the case declares
as requiring AUTH (harness.json) refuses unauthenticated mail with 530 5.7.0, so a
prediction "relayed there without AUTH" must be observed as a bounce at that relay; and a
relay the case declares closed refuses the connection, so Postfix falls through to the
route's fallbacks (spec §5): the first usable one that is not closed takes the mail, an
unusable one reached first kills smtp (`error`), and none left means `deferred`.
"""

import re

from world import MX_SERVER

LOG_RELAY_RE = re.compile(r"^(?P<host>[^\[]+)\[[^\]]*\]:(?P<port>\d+)$")


def observe(entry, rcpt, world, inst):
    """Summarise one test's observed outcome as a dict."""
    attempts = world.recorder.for_recipient(rcpt)
    accepted = [d for d in attempts if d.accepted]
    obs = {"outcome": "pending", "server": None, "auth_user": None, "relay_log": None,
           "text": "no status within the time limit", "line": "", "attempts": attempts}
    if accepted:
        obs["server"] = accepted[-1].server
        obs["auth_user"] = accepted[-1].auth_user
    obs["died"] = bool(entry and entry.get("died"))
    if entry:
        status = entry["status"]
        obs["outcome"] = "sent" if status == "sent" else status
        obs["text"] = entry.get("text", "")
        obs["line"] = entry.get("line", "")
        obs["relay_log"] = _log_relay(entry.get("relay"))
        if entry.get("silent"):
            fatal = [l for l in inst.fatal_lines() if "/smtp[" in l and "fatal:" in l]
            if fatal:
                obs["text"] += "; smtp " + fatal[-1].split(": ", 1)[-1]
    return obs


def _log_relay(relay):
    """`host[ip]:port` from the log -> "host:port" ("mx" for the sink, None for none)."""
    m = LOG_RELAY_RE.match(relay or "")
    if not m:
        return None
    host = m.group("host").lower()
    if host.startswith("mx."):
        return MX_SERVER
    return "%s:%s" % (host, m.group("port"))


def expected_of(pred, world, mx_auth=False):
    """(outcome, relay, auth_user) the observation must show, including the AUTH rule."""
    outcome, relay, auth = pred.get("outcome"), pred.get("relay"), pred.get("auth_user")
    if outcome == "direct" and mx_auth:
        # An MX that advertises AUTH gets the sender's credentials, or makes Postfix defer
        # when the credentials table is unusable (spec §11).
        if pred.get("deferred_if_mx_offers_auth"):
            return "deferred", None, None
        auth = pred.get("mx_auth_user")
    if outcome == "relayed" and world.is_closed(relay):
        outcome, relay = "deferred", None
        for hop in pred.get("fallbacks") or []:
            if not hop.get("usable"):
                outcome = "error"
                break
            if not world.is_closed(hop.get("relay")):
                # Postfix looks the credentials up again for the hop it reaches (spec §5).
                outcome, relay, auth = "relayed", hop.get("relay"), hop.get("auth_user")
                break
    if outcome == "relayed" and auth is None and world.requires_auth(relay):
        return "bounced", relay, None
    return outcome, relay, auth


def describe_prediction(pred):
    parts = [pred.get("outcome") or "?"]
    if pred.get("relay"):
        parts.append("via %s" % pred["relay"])
    parts.append("auth=%s" % (pred.get("auth_user") or "none"))
    parts.append("tls=%s" % pred.get("tls"))
    if pred.get("decided_by"):
        parts.append("(%s)" % pred["decided_by"])
    if pred.get("reason"):
        parts.append("[%s]" % pred["reason"])
    return " ".join(parts)


def describe_observation(obs):
    parts = [obs["outcome"]]
    if obs["server"]:
        parts.append("at %s" % obs["server"])
        parts.append("auth=%s" % (obs["auth_user"] or "none"))
    elif obs["relay_log"]:
        parts.append("relay=%s" % obs["relay_log"])
    refused = [d.reply for d in obs["attempts"] if not d.accepted and d.reply]
    if refused:
        parts.append("server said '%s'" % refused[-1])
    parts.append("(%s)" % obs["text"])
    return " ".join(parts)


def judge(pred, obs, tls_level, world, inst, mx_auth=False):
    """Return (ok, detail) for one test."""
    outcome, relay, auth = expected_of(pred, world, mx_auth)
    problems = []
    if pred.get("tls") != tls_level:
        problems.append("tls predicted %s, effective smtp_tls_security_level=%s"
                        % (pred.get("tls"), tls_level or "(empty)"))
    if outcome in ("relayed", "direct"):
        where = MX_SERVER if outcome == "direct" else (relay or "").lower()
        if obs["outcome"] != "sent" or obs["server"] is None:
            problems.append("not delivered")
        else:
            if obs["server"].lower() != where:
                problems.append("delivered at %s, not %s" % (obs["server"], where))
            if obs["auth_user"] != auth:
                problems.append("AUTH user %r, not %r" % (obs["auth_user"], auth))
    elif outcome == "error":
        if obs["outcome"] != "deferred" or not obs["died"]:
            problems.append("not held by a dying smtp client (no status line)")
        if obs["server"]:
            problems.append("yet a server accepted it")
    elif outcome in ("bounced", "deferred"):
        if obs["outcome"] != outcome:
            problems.append("not %s" % outcome)
        elif obs["died"]:
            problems.append("no status line: smtp died (an error, not a deferral)")
        elif relay and obs["relay_log"] and obs["relay_log"] != relay.lower():
            problems.append("%s at %s, not %s" % (outcome, obs["relay_log"], relay))
        if obs["server"]:
            problems.append("yet a server accepted it")
    else:
        problems.append("unknown predicted outcome %r" % outcome)

    summary = "predicted %s; observed %s" % (describe_prediction(pred), describe_observation(obs))
    if outcome != pred.get("outcome") or relay != pred.get("relay") or auth != pred.get("auth_user"):
        summary += "; the fake world (a relay that requires AUTH or is closed, an MX with AUTH) makes it %s%s auth=%s" % (
            outcome, " via %s" % relay if relay else "", auth or "none")
    if not problems:
        return True, summary
    detail = "%s: %s" % ("; ".join(problems), summary)
    if obs["line"]:
        detail += "\n    log: %s" % obs["line"]
    return False, detail
