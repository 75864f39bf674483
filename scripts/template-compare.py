#!/usr/bin/env python3
"""Compares the CloudFormation templates of two `cdk synth` outputs, ignoring asset hashes.

usage: scripts/template-compare.py OLD_CDK_OUT NEW_CDK_OUT
Prints, per template, the number of changed lines and a unified diff of the normalised JSON (keys sorted, every
64-hex asset hash masked). Lambda version logical ids carry a code hash of their own, so they differ whenever a jar
does. Exit code 0 whatever the diff: it is a report, not a check.
"""
import difflib
import glob
import json
import os
import re
import sys

HASH = re.compile(r"[0-9a-f]{64}(\.zip|\.json)?")


def normalised(path):
    with open(path) as f:
        return HASH.sub("<hash>", json.dumps(json.load(f), indent=1, sort_keys=True)).splitlines()


def main(old, new):
    for before in sorted(glob.glob(os.path.join(old, "*.template.json"))):
        name = os.path.basename(before)
        after = os.path.join(new, name)
        if not os.path.exists(after):
            print(f"### {name}: missing in {new}")
            continue
        diff = list(difflib.unified_diff(normalised(before), normalised(after), name, name, lineterm="", n=2))
        changed = sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))
        print(f"### {name}: {changed} changed lines")
        print("\n".join(diff))
    for after in sorted(glob.glob(os.path.join(new, "*.template.json"))):
        if not os.path.exists(os.path.join(old, os.path.basename(after))):
            print(f"### {os.path.basename(after)}: new")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
