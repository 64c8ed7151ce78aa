"""Judge a pytest JUnit XML report from the Windows run (standard library only, run by the Linux Python).

    python3 packaging/wine/check_junit.py REPORT.xml [--skip-allowed REGEX]…

Prints the counts and every failure, error and skip. Exit 0 only when at least one test passed, none failed or
errored, and every skip's reason matches one of the allowed patterns: a test that skips for a reason nobody
expected (a missing tool, a missing build) is as bad as a failure, since pytest under Wine runs without CI=true.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--skip-allowed", action="append", default=[], metavar="REGEX")
    args = parser.parse_args(argv)

    passed = 0
    failed: list[str] = []
    skipped: list[tuple[str, str]] = []
    for case in ET.parse(args.report).getroot().iter("testcase"):
        name = f"{case.get('classname')}::{case.get('name')}"
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        skip = case.find("skipped")
        if problem is not None:
            message = (problem.get("message") or "").strip()
            failed.append(f"{name}: {message.splitlines()[0][:300] if message else problem.tag}")
        elif skip is not None:
            skipped.append((name, skip.get("message") or ""))
        else:
            passed += 1

    unexpected = [(name, reason) for name, reason in skipped
                  if not any(re.search(pattern, reason) for pattern in args.skip_allowed)]
    print(f"{passed} passed, {len(failed)} failed or errors, {len(skipped)} skipped ({len(unexpected)} unexpected)")
    for line in failed:
        print(f"  FAILED  {line}")
    for name, reason in skipped:
        mark = "SKIPPED!" if (name, reason) in unexpected else "skipped "
        print(f"  {mark} {name}: {reason[:300]}")
    return 0 if passed and not failed and not unexpected else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
