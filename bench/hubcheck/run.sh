#!/usr/bin/env bash
# On-demand benchmarks for hub-member-check-lambda (never part of the build):
#   1. JMH: compare + render + serialise the report, and snapshot write/read, for 100 and 1000 accounts x 5 regions.
#   2. Cold start: a fresh JVM builds the handler and runs the SnapStart priming (no network), three times.
#   3. CLI: wall time of `java -jar ... diff` on the 1000-account snapshots, three times.
# Usage: bench/hubcheck/run.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=hub-member-check-lambda/target/hub-member-check-lambda.jar
[ -f "$jar" ] || ./mvnw -B -o -q -pl hub-member-check-lambda -am package -DskipTests
m2=~/.m2/repository
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
processor="$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

javac --release 17 -proc:full -cp "$jmh:$jar" -processorpath "$processor:$jmh" -d "$out/classes" \
  $(find bench/hubcheck/src -name '*.java') 2>&1 | grep -v '^Note:' || true

echo "== JMH"
java -cp "$out/classes:$jmh:$jar" org.openjdk.jmh.Main "$@" HubCheckBenchmark

echo "== cold start (fresh JVM each)"
for i in 1 2 3; do
  env -i PATH="$PATH" AWS_REGION=ap-northeast-1 AWS_ACCESS_KEY_ID=AKIDBENCH AWS_SECRET_ACCESS_KEY=bench \
    SNAPSHOT_BUCKET=bench SLACK_SECRET_ID=arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:bench \
    HUB_REGIONS=us-east-1,us-west-2,eu-west-1,ap-northeast-1,ap-southeast-2 CENTRAL_REGION=ap-northeast-1 \
    REPORT_TIMEZONE=Asia/Tokyo \
    java -XX:TieredStopAtLevel=1 -cp "$out/classes:$jar" dev.securitywatch.hubcheck.bench.ColdStart
done

echo "== CLI diff, 1000 accounts x 5 regions"
python3 - "$out" <<'PY'
import json, sys
regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "ap-southeast-2"]
def snap(at, later):
    members = [{"accountId": f"{100000000000 + i:012d}",
                "memberStatus": ("Resigned" if i % 20 == 0 else "Invited") if later and i % 10 == 0 else "Enabled"}
               for i in range(1000)]
    org = [{"accountId": f"{100000000000 + i:012d}", "name": f"account-{i}", "state": "ACTIVE"} for i in range(1000)]
    return {"takenAt": at, "regions": {r: members for r in regions}, "organization": org}
json.dump(snap("2026-11-20T02:00:00Z", False), open(sys.argv[1] + "/previous.json", "w"))
json.dump(snap("2026-11-23T02:00:00Z", True), open(sys.argv[1] + "/current.json", "w"))
PY
for i in 1 2 3; do
  /usr/bin/time -f 'wall %e s, max RSS %M KiB' java -jar "$jar" diff "$out/previous.json" "$out/current.json" >/dev/null
done
