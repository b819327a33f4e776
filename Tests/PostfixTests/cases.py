"""Test cases: DMS config dirs, what DMS generates for them, and what dms-relay predicts.

A case is a directory in the fixture format (`env`, `postfix-*.cf`, `about`, optional
`expected/v<tag>.startup.json`). Cases under Tests/PostfixTests/cases/ may add
`harness.json`, properties of the fake world the config cannot express:

    {"require_auth": ["smtp.strict.test:587"],   # these fake relays answer 530 without AUTH
     "closed": ["smtp.down.test:2525"],         # resolve, but nothing listens: refused
     "mx_advertises_auth": true,                 # the recipients' MX offers AUTH after STARTTLS
     "senders": ["boss+news@a.test"]}           # extra probe senders

A `Plan` is one case in one version family: the generated tables and main.cf settings,
the probe senders and the prediction for each. The generated state and the predictions
normally come from the `dms-relay` binary; the `builtin` predictor (reference.py plus the
fixture's expected JSON) exists only to prove the harness before the binary exists.
"""

import json
import os
import re
import subprocess
from dataclasses import dataclass, field

import reference

FAMILIES = {"v12-13": "13.3.1", "v14+": "15.1.0"}
# Expected-JSON tags to use per family in builtin mode, best first.
FALLBACK_TAGS = {"v12-13": ["v13.3.1", "v12.1.0"], "v14+": ["v15.1.0", "v14.0.0"]}
RECIPIENT_DOMAIN = "recipient.test"
# Recipients of cases whose MX advertises AUTH (harness.json "mx_advertises_auth").
AUTH_RECIPIENT_DOMAIN = "auth-mx.test"
UNKNOWN_SENDER = "someone@unknown-sender.test"
DOMAIN_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$")


@dataclass
class Case:
    name: str
    path: str
    env: dict
    about: str
    require_auth: set = field(default_factory=set)   # {"host:port"} lowercased
    extra_senders: list = field(default_factory=list)
    closed: set = field(default_factory=set)         # {"host:port"} lowercased: no server
    mx_advertises_auth: bool = False                 # recipients at AUTH_RECIPIENT_DOMAIN

    def read(self, filename):
        """File content as text (bytes decoded as latin-1 so nothing is lost), or None."""
        full = os.path.join(self.path, filename)
        if not os.path.exists(full):
            return None
        with open(full, "rb") as fh:
            return fh.read().decode("latin-1")


@dataclass
class Plan:
    """One case × family: everything needed to run Postfix and judge the outcome."""
    case: Case
    family: str
    version: str
    postconf: list = field(default_factory=list)    # [(key, value)] in DMS's order
    tables: dict = field(default_factory=dict)      # {"relayhost_map": [lines]|None, ...}
    senders: list = field(default_factory=list)
    predictions: dict = field(default_factory=dict) # sender -> route dict
    error: str = ""                                 # set when the plan could not be built

    @property
    def label(self):
        return "%s [%s]" % (self.case.name, self.family)


# -- discovery --------------------------------------------------------------------------

def discover(dirs, only=None):
    """Every case directory (one containing an `env` file) under the given roots."""
    cases = []
    for root in dirs:
        if not os.path.isdir(root):
            continue
        for name in sorted(os.listdir(root)):
            path = os.path.join(root, name)
            if not os.path.isfile(os.path.join(path, "env")):
                continue
            if only and name not in only:
                continue
            cases.append(load_case(path))
    return cases


def load_case(path):
    env = parse_env(open(os.path.join(path, "env"), "rb").read().decode("latin-1"))
    about_path = os.path.join(path, "about")
    about = open(about_path).read().strip() if os.path.exists(about_path) else ""
    options = {}
    extra = os.path.join(path, "harness.json")
    if os.path.exists(extra):
        with open(extra) as fh:
            options = json.load(fh)
    return Case(os.path.basename(path), path, env, about,
                {s.lower() for s in options.get("require_auth", [])},
                list(options.get("senders", [])),
                {s.lower() for s in options.get("closed", [])},
                bool(options.get("mx_advertises_auth", False)))


def parse_env(text):
    """Literal KEY=VALUE lines, as the fixtures define them (no quoting, no expansion)."""
    env = {}
    for line in text.split("\n"):
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            env[key.strip()] = value
    return env


# -- senders ----------------------------------------------------------------------------

def file_domains(case):
    """Sender domains visible in the config files: accounts, virtual aliases, relay map
    and sasl keys, and the LDAP DOMAINNAME. Used alongside `preview` so that no domain a
    config mentions goes unprobed."""
    domains = []
    accounts = case.read("postfix-accounts.cf") or ""
    for line in accounts.splitlines():
        address = line.split("|", 1)[0].strip()
        if "@" in address:
            domains.append(address.rsplit("@", 1)[1])
    for filename in ("postfix-virtual.cf", "postfix-relaymap.cf", "postfix-sasl-password.cf"):
        for line in (case.read(filename) or "").splitlines():
            words = line.split()
            if words and not words[0].startswith("#") and "@" in words[0]:
                domains.append(words[0].rsplit("@", 1)[1])
    if case.env.get("ACCOUNT_PROVISIONER", "").upper() == "LDAP" and case.env.get("DOMAINNAME"):
        domains.append(case.env["DOMAINNAME"])
    return domains


def address_keys(case):
    """Full-address keys (`boss@d`) of the relay map and sasl file: each is probed as
    written and with an extension (`boss+probe@d`), which Postfix strips at lookup time
    (`recipient_delimiter = +`)."""
    found = []
    for filename in ("postfix-relaymap.cf", "postfix-sasl-password.cf"):
        for line in (case.read(filename) or "").splitlines():
            words = line.split()
            if words and not words[0].startswith(("#", "@")) and "@" in words[0]:
                local, domain = words[0].rsplit("@", 1)
                if local and DOMAIN_RE.match(domain) and re.match(r"^[A-Za-z0-9._-]+$", local):
                    found += [words[0], "%s+probe@%s" % (local, domain)]
    return found


def probe_senders(domains, case):
    """`user@domain` per distinct domain (case-insensitive, first spelling kept), sorted,
    then full-address keys, the case's extra senders and one sender no configuration knows."""
    seen = {}
    for domain in domains:
        domain = domain.strip().rstrip("\r")
        if DOMAIN_RE.match(domain) and domain.lower() not in seen:
            seen[domain.lower()] = domain
    senders = ["user@%s" % seen[key] for key in sorted(seen)]
    for sender in address_keys(case) + case.extra_senders + [UNKNOWN_SENDER]:
        if sender.lower() not in (s.lower() for s in senders):
            senders.append(sender)
    return senders


# -- the dms-relay binary ---------------------------------------------------------------

class DmsRelayError(Exception):
    pass


class DmsRelay:
    """Thin client of the `dms-relay` CLI contract (generate / preview / route --json)."""

    def __init__(self, binary):
        self.binary = binary

    def _run(self, args, ok_codes=(0,)):
        proc = subprocess.run([self.binary] + args, capture_output=True, text=True, timeout=60)
        if proc.returncode not in ok_codes:
            raise DmsRelayError("dms-relay %s exited %d: %s" % (
                args[0], proc.returncode, (proc.stderr or proc.stdout).strip()[:500]))
        try:
            return json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            raise DmsRelayError("dms-relay %s printed no JSON (%s): %s" % (
                args[0], exc, proc.stdout[:300]))

    def _common(self, case, version):
        return ["--config-dir", case.path, "--env-file", os.path.join(case.path, "env"),
                "--dms-version", version]

    def generate(self, case, version):
        return self._run(["generate"] + self._common(case, version) + ["--json", "--show-secrets"])

    def preview(self, case, version):
        """Exit status 1 only says the preview found errors; the JSON is still complete."""
        return self._run(["preview"] + self._common(case, version) + ["--json"], ok_codes=(0, 1))

    def route(self, case, version, senders):
        args = ["route"] + self._common(case, version)
        for sender in senders:
            args += ["--sender", sender]
        return self._run(args + ["--json"])


# -- building plans ---------------------------------------------------------------------

def split_postconf(lines):
    """["key = value", ...] -> [(key, value)]."""
    out = []
    for line in lines or []:
        key, _, value = line.partition("=")
        out.append((key.strip(), value.strip()))
    return out


def plan_with_binary(case, family, client):
    """Generated state, senders and predictions from the dms-relay binary."""
    version = FAMILIES[family]
    plan = Plan(case, family, version)
    try:
        generated = client.generate(case, version)
        preview = client.preview(case, version)
        domains = [r.get("sender", "").rsplit("@", 1)[-1] for r in preview.get("routes", [])]
        plan.senders = probe_senders(domains + file_domains(case), case)
        routes = client.route(case, version, plan.senders)
    except (DmsRelayError, subprocess.TimeoutExpired, OSError, AttributeError) as exc:
        plan.error = str(exc)
        return plan
    plan.postconf = split_postconf(generated.get("postconf"))
    plan.tables = {"relayhost_map": generated.get("relayhost_map"),
                   "sasl_passwd": generated.get("sasl_passwd")}
    plan.predictions = {r.get("sender"): r for r in routes if isinstance(r, dict)}
    missing = [s for s in plan.senders if s not in plan.predictions]
    if missing:
        plan.error = "dms-relay route gave no prediction for %s" % ", ".join(missing)
    return plan


def plan_with_builtin(case, family):
    """Development mode: DMS's recorded output (expected/*.json) and reference.py.
    None when the case has no expected JSON for this family."""
    version = FAMILIES[family]
    plan = Plan(case, family, version)
    generated = None
    for tag in FALLBACK_TAGS[family]:
        path = os.path.join(case.path, "expected", "%s.startup.json" % tag)
        if os.path.exists(path):
            with open(path) as fh:
                generated = json.load(fh)
            break
    if generated is None:
        return None   # a case written for the binary only
    plan.postconf = split_postconf(generated.get("postconf"))
    plan.tables = {"relayhost_map": generated.get("relayhost_map"),
                   "sasl_passwd": generated.get("sasl_passwd")}
    plan.senders = probe_senders(file_domains(case), case)
    plan.predictions = {s: reference.predict(plan.postconf, plan.tables, s, RECIPIENT_DOMAIN)
                        for s in plan.senders}
    return plan
