#!/usr/bin/env bash
# Times the CDK app (synth + cdk-nag) for growing numbers of member (account, region) pairs.
# Usage: bench/synth-scale/run.sh [PAIRS...]   (default: 10 50 200). Goal: 200 pairs in under 60 s.
# It runs the app the way the CDK CLI does (CDK_CONTEXT_JSON, CDK_OUTDIR) but without the CLI and Maven start-up,
# so the figure is the synth itself; `npx cdk synth` adds roughly 10 s of Maven on top.
set -euo pipefail
cd "$(dirname "$0")/../.."
pairs=("${@:-10 50 200}")
[ $# -eq 0 ] && pairs=(10 50 200)

./mvnw -B -q -pl infra -am install -DskipTests >/dev/null
classpath="infra/target/classes:$(./mvnw -B -q -pl infra dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 JSII_DEPRECATED=quiet

printf '%-8s %-10s %-10s %s\n' pairs stacks seconds max-rss-MiB
for n in "${pairs[@]}"; do
  out=$(mktemp -d)
  context=$(python3 - "$n" <<'PY'
import json, sys
n = int(sys.argv[1])
base = json.load(open("cdk.json"))["context"]
regions = ["us-east-1", "ap-northeast-1", "ap-northeast-2", "eu-west-1", "us-west-2"]
accounts, made = [], 0
i = 0
while made < n:
    take = min(2, n - made)
    accounts.append({"id": f"{100000000000 + i:012d}", "name": f"acct{i}", "regions": regions[:take]})
    made += take
    i += 1
base["memberAccounts"] = accounts
print(json.dumps(base))
PY
)
  start=$(date +%s.%N)
  CDK_CONTEXT_JSON="$context" CDK_OUTDIR="$out" /usr/bin/time -f '%M' -o "$out/rss" \
    java -cp "$classpath" dev.securitywatch.infra.SecurityWatchApp
  end=$(date +%s.%N)
  stacks=$(ls "$out"/*.template.json | wc -l)
  printf '%-8s %-10s %-10.1f %d\n' "$n" "$stacks" "$(echo "$end - $start" | bc)" "$(( $(cat "$out/rss") / 1024 ))"
  rm -rf "$out"
done
