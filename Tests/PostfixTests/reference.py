"""A small stand-in for `dms-relay route`, used only in `--predictor builtin` mode.

It follows spec §5 (docs/dms-relay-semantics.md) so the harness itself can be proven before
the real binary exists. It is not what the suite tests: the suite's job is to hold the
binary's predictions to what Postfix really does.
"""

BASELINE = {"relayhost": "", "smtp_tls_security_level": "may"}


def parse_texthash(lines):
    """Postfix texthash semantics: {lowercased key: value}, or None when a duplicate key
    (after case folding) makes the whole table unusable. Blank and `#` lines are skipped,
    an indented line continues the previous one, CRLF is tolerated, a key without a value
    is ignored."""
    logical = []
    for raw in lines:
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t" and logical:
            logical[-1] += " " + stripped
        else:
            logical.append(stripped)
    table = {}
    for line in logical:
        parts = line.split(None, 1)
        if len(parts) < 2:
            continue
        key = parts[0].lower()
        if key in table:
            return None
        table[key] = parts[1].strip()
    return table


def parse_hop(hop):
    """`[h]:p`, `[h]`, `h:p`, `h` -> (host, port)."""
    if hop.startswith("["):
        host, _, rest = hop[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else "25"
    else:
        host, _, port = hop.partition(":")
        port = port or "25"
    return host, int(port) if port.isdigit() else None


def _table(conf, key, tables):
    """The table a `texthash:/etc/postfix/NAME` setting names: (present, lines)."""
    ref = conf.get(key, "")
    if not ref:
        return False, None
    name = ref.rsplit("/", 1)[-1]
    return True, tables.get(name)


def _sender_keys(sender):
    """`user+ext@d`, `user@d`, `@d` (recipient_delimiter = +), lowercased."""
    local, _, domain = sender.lower().rpartition("@")
    keys = ["%s@%s" % (local, domain)]
    if "+" in local:
        keys.append("%s@%s" % (local.split("+", 1)[0], domain))
    return keys + ["@" + domain]


def predict(postconf, tables, sender, recipient_domain):
    """Route dict (same shape as `dms-relay route --json`) for one sender."""
    conf = dict(BASELINE)
    conf.update(dict(postconf))
    route = {"sender": sender, "outcome": "direct", "nexthop": recipient_domain, "relay": None,
             "auth_user": None, "decided_by": None, "tls": conf["smtp_tls_security_level"],
             "warnings": []}

    def deferred(why, outcome="deferred"):
        route.update(outcome=outcome, warnings=[why])
        return route

    has_map, map_lines = _table(conf, "sender_dependent_relayhost_maps", tables)
    sasl_on = conf.get("smtp_sasl_auth_enable", "no") == "yes"
    has_sasl, sasl_lines = _table(conf, "smtp_sasl_password_maps", tables)
    relay_value = None
    if has_map:
        relay_map = parse_texthash(map_lines or [])
        if map_lines is None or relay_map is None:
            return deferred("relay map unusable: address resolver failure")
        for key in _sender_keys(sender):
            if key in relay_map:
                relay_value, route["decided_by"] = relay_map[key], "relayhost_map " + key
                break
    # The relay map is read by trivial-rewrite before any smtp process runs: its failure is
    # a logged deferral even when smtp would die.
    if sasl_on and not has_sasl:
        return deferred("smtp_sasl_auth_enable without password table: smtp dies", "error")
    if relay_value is None and conf.get("relayhost"):
        relay_value, route["decided_by"] = conf["relayhost"], "relayhost"
    if relay_value is None:
        hop_written, host = recipient_domain, "mx." + recipient_domain
    else:
        hop_written = relay_value.replace(",", " ").split()[0]
        if hop_written.startswith("#"):
            return deferred("relay value starts with '#': smtp dies", "error")
        host, port = parse_hop(hop_written)
        if port is None:
            return deferred("unparsable port: smtp dies", "error")
        route.update(outcome="relayed", nexthop=hop_written, relay="%s:%d" % (host, port))
        if port == 465:
            return deferred("port 465 needs smtp_tls_wrappermode")

    if sasl_on:
        sasl = parse_texthash(sasl_lines or [])
        if sasl is None:
            return deferred("sasl table unusable")
        keys = [host.lower(), hop_written.lower()]
        if conf.get("smtp_sender_dependent_authentication") == "yes":
            keys = _sender_keys(sender) + keys
        for key in keys:
            if key in sasl:
                user = sasl[key].split(":", 1)[0]
                if not user:
                    return deferred("empty SASL user: authentication failed")
                route["auth_user"] = user
                break
    return route
