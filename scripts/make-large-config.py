#!/usr/bin/env python3
"""Writes a large synthetic DMS config folder for the performance benchmark.

Usage: make-large-config.py DIR [DOMAINS] [RELAY_ENTRIES] [CREDENTIALS]
Defaults: 100,000 managed domains, 50,000 relay-map entries, 50,000 credentials.
Deterministic, so runs are comparable.
"""
import os
import sys


def main() -> None:
    out = sys.argv[1]
    domains = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    relays = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
    creds = int(sys.argv[4]) if len(sys.argv) > 4 else 50_000
    os.makedirs(out, exist_ok=True)
    names = [f"d{i:06d}.example{i % 97}.test" for i in range(domains)]
    with open(os.path.join(out, "postfix-accounts.cf"), "w") as f:
        for name in names:
            f.write(f"user@{name}|{{SHA512-CRYPT}}$6$salt$hash\n")
    with open(os.path.join(out, "postfix-relaymap.cf"), "w") as f:
        f.write("# synthetic relay map\n")
        for i in range(relays):
            f.write(f"@{names[i]} [relay{i % 50}.provider.test]:587\n")
        for i in range(relays, min(domains, relays + 100)):
            f.write(f"@{names[i]} \n")
    with open(os.path.join(out, "postfix-sasl-password.cf"), "w") as f:
        for i in range(creds):
            f.write(f"@{names[i]} user{i}:secret{i}\n")
    os.chmod(os.path.join(out, "postfix-sasl-password.cf"), 0o600)
    with open(os.path.join(out, "env"), "w") as f:
        f.write("RELAY_HOST=default.provider.test\nRELAY_PORT=587\n")


if __name__ == "__main__":
    main()
