#!/usr/bin/env python3
"""Prove dms-relay's routing predictions against a real Postfix (issue 4).

For every case (the DMS fixtures plus Tests/PostfixTests/cases/) and both version families
(v12-13 as 13.3.1, v14+ as 15.1.0):

1. `dms-relay generate` gives the tables and main.cf settings DMS would write;
2. the probe senders are `user@D` for every known sender domain plus an unknown one;
3. `dms-relay route` predicts each sender's fate;
4. a private Postfix with exactly that configuration sends one message per sender into a
   fake network (test DNS, fake relays, an MX sink), and what really happened is compared
   with the prediction. One test = one sender in one family.

Usage: harness.py [--predictor binary|builtin] [--binary PATH] [--case NAME ...]
                  [--family v12-13|v14+] [--jobs N] [--keep] [--verbose]
Prints one line per test, then exactly "N passed, M failed". Exit 1 on any failure.
"""

import argparse
import atexit
import concurrent.futures
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cases as cases_mod                       # noqa: E402
import logcheck                                 # noqa: E402
import srs                                      # noqa: E402
import overrides                               # noqa: E402
from instance import ABORT, PostfixInstance, PostfixError, kill_running_commands  # noqa: E402
from judge import expected_of, observe, judge   # noqa: E402
from world import World, WorldError             # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
CASE_DIRS = [os.path.join(REPO, "Tests", "RelayModelTests", "Fixtures", "dms"),
             os.path.join(HERE, "cases")]
PHASE_TIMEOUT = 25.0   # seconds to wait for every message of one phase to settle
BUDGET = 270.0         # the whole run must fit in five minutes, build included

_cleanup_lock = threading.Lock()
_live_instances = set()
_temp_roots = []
_worlds = []


# -- cleanup that survives failures, Ctrl-C and SIGTERM ----------------------------------

def _cleanup():
    """Stop every Postfix and fake server still running and remove temp dirs."""
    ABORT.set()
    kill_running_commands()
    with _cleanup_lock:
        for inst in list(_live_instances):
            try:
                inst.stop()
            except Exception:  # noqa: BLE001 - best effort while exiting
                pass
            _live_instances.discard(inst)
        for world in _worlds:
            world.stop()
        for root in _temp_roots:
            shutil.rmtree(root, ignore_errors=True)
        _temp_roots.clear()


def _on_signal(signum, _frame):
    ABORT.set()
    raise SystemExit(128 + signum)


# -- running one plan -------------------------------------------------------------------

def recipient_for(plan, index):
    """A recipient unique to this test, so the fake servers can tell tests apart."""
    family = "v13" if plan.family == "v12-13" else "v15"
    case = "".join(c if c.isalnum() else "-" for c in plan.case.name.lower())
    domain = cases_mod.AUTH_RECIPIENT_DOMAIN if plan.case.mx_advertises_auth else cases_mod.RECIPIENT_DOMAIN
    return "t%d.%s.%s@%s" % (index, family, case, domain)


def run_plan(plan, world, root, keep, deadline):
    """Start Postfix for one plan, send its probes, return [(test name, ok, detail)]."""
    names = ["%s %s" % (plan.label, s) for s in plan.senders] or [plan.label]
    if plan.error or plan.label in world.refused:
        why = plan.error or world.refused[plan.label]
        return [(n, False, why) for n in names]
    if ABORT.is_set() or time.monotonic() > deadline - 10:
        return [(n, False, "not run: time budget exhausted") for n in names]
    rcpts = {s: recipient_for(plan, i) for i, s in enumerate(plan.senders)}
    inst_root = os.path.join(root, "%s-%s" % (plan.case.name, plan.family.replace("+", "p")))
    os.makedirs(inst_root)
    inst = PostfixInstance(inst_root, world.dns_ip, plan.postconf, plan.tables)
    daemon = None
    try:
        daemon = srs.start_for(plan, inst_root)   # ENABLE_SRS=1: the real postsrsd
        if daemon:
            inst.settings = list(inst.settings) + daemon.postconf
        inst.prepare()
        overrides.apply(inst, plan.case, plan.family)
        with _cleanup_lock:
            _live_instances.add(inst)
        inst.start()
        tls_level = overrides.tls_level(inst)
        outcomes = {}
        for phase in phases(plan, world):
            for sender in phase:
                inst.submit(sender, rcpts[sender])
            timeout = max(1.0, min(PHASE_TIMEOUT, deadline - time.monotonic()))
            outcomes.update(inst.wait_for_outcomes([rcpts[s] for s in phase], timeout))
    except (PostfixError, OSError) as exc:
        return [(n, False, "postfix: %s" % exc) for n in names]
    finally:
        inst.stop()
        if daemon:
            daemon.stop()
        with _cleanup_lock:
            _live_instances.discard(inst)
        if keep:
            print("kept %s" % inst_root, file=sys.stderr)
    results, seen, held = [], {}, {}
    for sender in plan.senders:
        observed = observe(outcomes.get(rcpts[sender].lower()), rcpts[sender], world, inst)
        expected_tls = overrides.tls_for(plan.case, plan.predictions[sender], tls_level)
        ok, detail = judge(plan.predictions[sender], observed, expected_tls, world, inst,
                           plan.case.mx_advertises_auth)
        ok, detail = srs.judge_sender(plan, sender, plan.predictions[sender], observed, ok, detail)
        results.append(("%s %s" % (plan.label, sender), ok, detail))
        seen[sender], held[sender] = (rcpts[sender], observed), ok
    if daemon and not daemon.running and daemon.exit_code is not None:
        return results + srs.down_check(plan, inst, daemon, seen)
    return results + logcheck.check(plan, inst, seen, held)


def phases(plan, world):
    """Senders predicted to get through (or bounce) first, those predicted to be deferred
    after: a relay value like `# note` kills the smtp process and Postfix then throttles
    the transport for the rest of the run, which must not spill onto other tests."""
    first, last = [], []
    for sender in plan.senders:
        outcome = expected_of(plan.predictions[sender], world, plan.case.mx_advertises_auth)[0]
        (last if outcome in ("deferred", "error") else first).append(sender)
    return [p for p in (first, last) if p]


# -- main ---------------------------------------------------------------------------------

def build_plans(args):
    """One plan per case × family; the dms-relay calls run in parallel (they add up)."""
    found = cases_mod.discover(CASE_DIRS, set(args.case) if args.case else None)
    families = args.family or list(cases_mod.FAMILIES)
    pairs = [(case, family) for case in found for family in families]
    if args.predictor == "binary":
        client = cases_mod.DmsRelay(args.binary)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            return list(pool.map(lambda cf: cases_mod.plan_with_binary(cf[0], cf[1], client), pairs))
    plans = []
    for case, family in pairs:
        plan = cases_mod.plan_with_builtin(case, family)
        if plan is None:
            print("# %s [%s]: no expected JSON, skipped in builtin mode" % (case.name, family))
        else:
            plans.append(plan)
    return plans


def snapshot_binary(binary, root):
    """Run a private copy of dms-relay: a concurrent `swift build` relinking the original
    must not fail the run halfway ("Text file busy") or mix two versions."""
    copy = os.path.join(root, "dms-relay")
    last = None
    for _ in range(20):
        try:
            shutil.copy2(binary, copy)
            if subprocess.run([copy, "--help"], capture_output=True, timeout=30).returncode == 0:
                return copy
        except (OSError, subprocess.SubprocessError) as exc:
            last = exc
        time.sleep(1)   # the linker may be writing it right now
    raise OSError("no runnable copy after 20 attempts (%s)" % last)


def fatal(message):
    """A run that cannot start still ends with the summary line (and fails)."""
    print("FAIL harness -- %s" % message)
    print("0 passed, 1 failed")
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--predictor", choices=["binary", "builtin"], default="binary",
                        help="builtin = expected JSON + reference.py, to develop the harness")
    parser.add_argument("--binary", default=os.environ.get(
        "DMS_RELAY_BIN", os.path.join(REPO, ".build", "debug", "dms-relay")))
    parser.add_argument("--case", action="append", help="only this case (repeatable)")
    parser.add_argument("--family", action="append", choices=list(cases_mod.FAMILIES))
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("POSTFIX_TEST_JOBS", "4")))
    parser.add_argument("--budget", type=float, default=BUDGET, help="seconds for the whole run")
    parser.add_argument("--keep", action="store_true", help="keep temp dirs for debugging")
    parser.add_argument("--verbose", action="store_true", help="details for passing tests too")
    args = parser.parse_args(argv)
    started = time.monotonic()
    deadline = started + args.budget

    if os.geteuid() != 0:
        return fatal("the Postfix tests need root")
    if not os.access("/usr/sbin/postfix", os.X_OK):
        return fatal("postfix is not installed (run scripts/install-postfix-deps)")
    if args.predictor == "binary" and not os.access(args.binary, os.X_OK):
        return fatal("dms-relay binary not found at %s" % args.binary)

    atexit.register(_cleanup)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)

    root = tempfile.mkdtemp(prefix="dms-relay-postfix-")
    os.chmod(root, 0o755)   # the postfix user must traverse it
    if not args.keep:
        _temp_roots.append(root)

    if args.predictor == "binary":
        try:
            args.binary = snapshot_binary(args.binary, root)
            logcheck.BINARY = args.binary
        except OSError as exc:
            return fatal("cannot use %s: %s" % (args.binary, exc))
    plans = build_plans(args)
    if not plans:
        return fatal("no cases found")
    world = World(root, plans)
    _worlds.append(world)
    try:
        world.start()
    except WorldError as exc:
        return fatal(str(exc))

    passed = failed = 0
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
    try:
        futures = [pool.submit(run_plan, p, world, root, args.keep, deadline) for p in plans]
        for future in futures:
            for name, ok, detail in future.result():
                if ok:
                    passed += 1
                    print("PASS %s%s" % (name, (" -- " + detail) if args.verbose else ""))
                else:
                    failed += 1
                    print("FAIL %s -- %s" % (name, detail))
            sys.stdout.flush()
    except SystemExit:
        print("FAIL harness -- interrupted; Postfix instances and temp dirs cleaned up")
        print("%d passed, %d failed" % (passed, failed + 1))
        sys.stdout.flush()
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        _cleanup()
    print("# %d plans (cases x families) in %.1fs, predictor: %s" % (
        len(plans), time.monotonic() - started, args.predictor))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
