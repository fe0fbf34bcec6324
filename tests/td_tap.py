# SPDX-License-Identifier: GPL-3.0-or-later
# What the Python tests share: a @test decorator that collects the checks,
# run() for the programs they drive, and main(), which runs every check
# and prints TAP (one "ok"/"not ok" line each, the traceback as comments;
# a check that returns "SKIP reason" is reported skipped) and exits
# non-zero when one failed.
import subprocess
import sys
import traceback

_tests = []


def test(fn):
    _tests.append(fn)
    return fn


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def main(cleanup=None):
    print(f"1..{len(_tests)}")
    failed = 0
    for i, fn in enumerate(_tests, 1):
        try:
            result = fn()
            if isinstance(result, str) and result.startswith("SKIP"):
                print(f"ok {i} {fn.__name__} # {result}")
            else:
                print(f"ok {i} {fn.__name__}")
        except Exception:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            print(f"not ok {i} {fn.__name__}")
            for line in traceback.format_exc().splitlines():
                print(f"# {line}")
    if cleanup is not None:
        cleanup()
    sys.exit(1 if failed else 0)
