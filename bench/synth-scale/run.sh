#!/usr/bin/env bash
# Times the CDK app (synth + cdk-nag) for growing deployments.
# Usage: bench/synth-scale/run.sh [stacks PAIRS...] [stackset ACCOUNTSxREGIONS...]
#   default: stacks 10 50 200, then stackset 1000x17.
#   stacks N:        N member (account, region) pairs, one stack each. Goal: 200 pairs in under 60 s.
#   stackset AxR:    A accounts in the organization's OUs and R regions; the app does not list accounts in this
#                    mode, so A only shows that nothing grows with it. Goal: 1,000 x 17 in under 60 s.
# It runs the app the way the CDK CLI does (CDK_CONTEXT_JSON, CDK_OUTDIR) but without the CLI and Maven start-up,
# so the figure is the synth itself; `npx cdk synth` adds roughly 10 s of Maven on top.
# Like the CLI, it fails on an error annotation (cdk.json keeps them out of the app's own validation report).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=("$@")
[ $# -eq 0 ] && runs=(stacks 10 50 200 stackset 1000x17)

./mvnw -B -q -pl infra -am install -DskipTests >/dev/null
classpath="infra/target/classes:$(./mvnw -B -q -pl infra dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_DEPRECATED=quiet
# As cdk.json's app command: aws-cdk-lib's default template validation stays off unless CDK_VALIDATION says otherwise.
export CDK_VALIDATION=${CDK_VALIDATION:-false}

context_for() { # mode size
  python3 - "$1" "$2" <<'PY'
import json, sys
mode, size = sys.argv[1], sys.argv[2]
base = json.load(open("cdk.json"))["context"]
regions17 = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
             "eu-west-3", "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
             "ap-southeast-1", "ap-southeast-2", "ap-south-1", "sa-east-1"]
if mode == "stacks":
    n = int(size)
    regions = ["us-east-1", "ap-northeast-1", "ap-northeast-2", "eu-west-1", "us-west-2"]
    accounts, made, i = [], 0, 0
    while made < n:
        take = min(2, n - made)
        accounts.append({"id": f"{100000000000 + i:012d}", "name": f"acct{i}", "regions": regions[:take]})
        made += take
        i += 1
    base["memberAccounts"] = accounts
else:
    accounts, region_count = (int(x) for x in size.split("x"))
    base["organizationId"] = "o-a1b2c3d4e5"
    # The accounts live in the OUs; only the management account keeps a stack of its own.
    base["memberAccounts"] = [{"id": "100000000000", "name": "management", "regions": ["us-east-1"]}]
    base["deployment"] = {"mode": "stackset", "administratorAccount": "100000000000",
                          "organizationalUnits": [f"ou-ab12-{i:08d}" for i in range(max(1, accounts // 100))],
                          "regions": regions17[:region_count]}
print(json.dumps(base))
PY
}

errors_in() { # assembly-dir: its error annotations, which fail `cdk synth` in the CLI
  python3 - "$1" <<'PY'
import glob, json, sys
out = sys.argv[1]
metadata = [a.get("metadata", {}) for a in json.load(open(out + "/manifest.json"))["artifacts"].values()]
metadata += [json.load(open(f)) for f in glob.glob(out + "/*.metadata.json")]
for paths in metadata:
    for path, entries in paths.items():
        for entry in entries:
            if entry["type"] == "aws:cdk:error":
                print(f"{path}: {entry['data']}")
PY
}

printf '%-9s %-10s %-8s %-9s %s\n' mode size stacks seconds max-rss-MiB
i=0
mode=stacks
while [ $i -lt ${#runs[@]} ]; do
  arg=${runs[$i]}; i=$((i + 1))
  if [ "$arg" = stacks ] || [ "$arg" = stackset ]; then mode=$arg; continue; fi
  out=$(mktemp -d)
  context=$(context_for "$mode" "$arg")
  start=$(date +%s.%N)
  CDK_CONTEXT_JSON="$context" CDK_OUTDIR="$out" /usr/bin/time -f '%M' -o "$out/rss" \
    java -cp "$classpath" dev.securitywatch.infra.SecurityWatchApp
  end=$(date +%s.%N)
  errors=$(errors_in "$out")
  if [ -n "$errors" ]; then
    echo "$mode $arg: synth finished with errors (the CLI would fail):" >&2
    echo "$errors" >&2
    exit 1
  fi
  stacks=$(ls "$out"/*.template.json | wc -l)
  printf '%-9s %-10s %-8s %-9.1f %d\n' "$mode" "$arg" "$stacks" "$(echo "$end - $start" | bc)" \
    "$(( $(cat "$out/rss") / 1024 ))"
  rm -rf "$out"
done
