#!/usr/bin/env python3
"""Writes a large synthetic DMS config folder for the performance benchmark.

Usage: make-large-config.py DIR [DOMAINS] [RELAY_ENTRIES] [CREDENTIALS] [--shuffle]
Defaults: 100,000 managed domains, 50,000 relay-map entries, 50,000 credentials.
The lines are in domain order unless --shuffle, which puts each file's lines in a random
order of its own (as `setup.sh` appends them over the years). Deterministic either way, so
runs are comparable.
"""
import os
import random
import sys


def write(path, lines, shuffle, seed):
    if shuffle:
        random.Random(seed).shuffle(lines)
    with open(path, "w") as f:
        f.writelines(lines)


def main() -> None:
    if any(a in ("-h", "--help") for a in sys.argv[1:]) or len(sys.argv) < 2:
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) >= 2 else 64)
    unknown = [a for a in sys.argv[1:] if a.startswith("-") and a != "--shuffle"]
    if unknown:
        sys.exit(f"make-large-config.py: unknown option '{unknown[0]}' (see --help)")
    args = [a for a in sys.argv[1:] if a != "--shuffle"]
    shuffle = "--shuffle" in sys.argv[1:]
    out = args[0]
    domains = int(args[1]) if len(args) > 1 else 100_000
    relays = int(args[2]) if len(args) > 2 else 50_000
    creds = int(args[3]) if len(args) > 3 else 50_000
    os.makedirs(out, exist_ok=True)
    names = [f"d{i:06d}.example{i % 97}.test" for i in range(domains)]
    write(os.path.join(out, "postfix-accounts.cf"),
          [f"user@{name}|{{SHA512-CRYPT}}$6$salt$hash\n" for name in names], shuffle, 1)
    relay_lines = [f"@{names[i]} [relay{i % 50}.provider.test]:587\n" for i in range(relays)]
    relay_lines += [f"@{names[i]} \n" for i in range(relays, min(domains, relays + 100))]
    write(os.path.join(out, "postfix-relaymap.cf"), relay_lines, shuffle, 2)
    with open(os.path.join(out, "postfix-relaymap.cf"), "r+") as f:
        body = f.read()
        f.seek(0)
        f.write("# synthetic relay map\n" + body)
    write(os.path.join(out, "postfix-sasl-password.cf"),
          [f"@{names[i]} user{i}:secret{i}\n" for i in range(creds)], shuffle, 3)
    os.chmod(os.path.join(out, "postfix-sasl-password.cf"), 0o600)
    with open(os.path.join(out, "env"), "w") as f:
        f.write("RELAY_HOST=default.provider.test\nRELAY_PORT=587\n")


if __name__ == "__main__":
    main()
