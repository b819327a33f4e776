"""The admin's postfix-main.cf and postfix-master.cf, applied the way DMS applies them.

At container start DMS appends `postfix-main.cf` to `main.cf` after the relay setup and
rewrites `main.cf` with `postconf -n` (every version: v11-v13 discard postconf's errors,
v14+ log them), moving its output over `main.cf` even when postconf failed and printed
nothing; `postfix-master.cf`'s `service/type/param=value` lines go one by one to
`postconf -P` (v11-v13 after main.cf, v14+ before; v11-v13's `while read` loop skips an
unterminated last line). A case carries these files next to its relay files.

When postconf -n empties main.cf, the harness puts back only its own plumbing (queue, log,
loopback), which says nothing about routing: every routing setting is Postfix's default,
as in the container.
"""

import os
import re
import shutil

from instance import POSTCONF, TABLE_PATH_RE, _plumbing, _write, run

MASTER_LINE_RE = re.compile(r"^[0-9a-z]")
# A table in the config folder, as the container sees it.
CONFIG_TABLE_RE = re.compile(r"/tmp/docker-mailserver/([A-Za-z0-9_.-]+)")


def _master_lines(text, family):
    lines = text.split("\n")
    unterminated = lines.pop() if lines else ""
    if unterminated and family != "v12-13":
        lines.append(unterminated)
    out = []
    for line in lines:
        line = line.strip(" \t")
        if MASTER_LINE_RE.match(line):
            out.append(line)
    return out


def apply(inst, case, family):
    """Apply the case's override files to the prepared instance `inst`, as DMS does on
    `family`. Returns the main.cf text postconf -n wrote (None without postfix-main.cf)."""
    main_text = case.read("postfix-main.cf")
    master_text = case.read("postfix-master.cf")
    if main_text is None and master_text is None:
        return None
    conf = inst.conf

    def config_table(match):
        # A copy of the case's file next to the generated tables (a missing one stays missing).
        name = match.group(1)
        source = os.path.join(case.path, name)
        target = inst.table_path("config-" + name)
        if os.path.isfile(source) and not os.path.exists(target):
            shutil.copyfile(source, target)
            os.chmod(target, 0o644)
        return target

    def localise(text):
        # /etc/postfix/NAME means the instance's copy of the table DMS wrote (or no file).
        text = TABLE_PATH_RE.sub(lambda m: inst.table_path(m.group(1)), text)
        return CONFIG_TABLE_RE.sub(config_table, text)

    def apply_master():
        for line in _master_lines(master_text or "", family):
            run([POSTCONF, "-c", conf, "-P", localise(line)])

    def apply_main():
        if main_text is None:
            return None
        main_cf = os.path.join(conf, "main.cf")
        with open(main_cf, "a", encoding="latin-1") as fh:
            fh.write(localise(main_text))
        out = run([POSTCONF, "-c", conf, "-n"])
        text = out.stdout if out.returncode == 0 else ""
        if not text:
            # The harness's own plumbing only: queue, log and loopback, no routing setting.
            text = "".join("%s = %s\n" % kv for kv in _plumbing(inst.root))
        _write(main_cf, text)
        return out.stdout if out.returncode == 0 else ""

    if family == "v12-13":
        written = apply_main()
        apply_master()
    else:
        apply_master()
        written = apply_main()
    return written


def tls_level(inst):
    """The smtp transport's TLS level as the smtp client reads it: its master.cf `-o`
    override, else main.cf's value; Postfix's empty default reads as `none`."""
    out = run([POSTCONF, "-c", inst.conf, "-P", "smtp/unix/smtp_tls_security_level"])
    value = ""
    if out.returncode == 0 and "=" in out.stdout:
        value = out.stdout.split("=", 1)[1].strip()
    if not value:
        value = inst.effective("smtp_tls_security_level")
    return value or "none"


POLICY_RE = re.compile(r"^\s*smtp_tls_policy_maps\s*=\s*texthash:/tmp/docker-mailserver/(\S+)\s*$", re.M)


def tls_for(case, prediction, level):
    """The TLS level a message was sent with: a config folder `smtp_tls_policy_maps` entry
    keyed by the predicted next hop as written, else the transport's level."""
    main = case.read("postfix-main.cf") or ""
    match = POLICY_RE.search(main)
    nexthop = prediction.get("nexthop")
    if not match or not nexthop or prediction.get("outcome") != "relayed":
        return level
    for line in (case.read(match.group(1)) or "").splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line[:1].isspace() and parts[0].lower() == nexthop.lower():
            return parts[1]
    return level
