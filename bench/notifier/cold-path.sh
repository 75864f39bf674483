#!/usr/bin/env bash
# Cold path: a fresh JVM running `send` for one SNS event against a local webhook, whole process, median of RUNS.
# Usage: bench/notifier/cold-path.sh [RUNS] [extra JVM options...]
#   e.g. bench/notifier/cold-path.sh 10 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/notifier-lambda/target/notifier-lambda.jar"
event="$root/event-model/src/test/resources/acceptance/sns/derived/sns-eb-ec2-AuthorizeSecurityGroupIngress-AssumedRole-panther-1.json"
runs="${1:-10}"; shift || true
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -B -o -q -pl notifier-lambda -am package" >&2; exit 2; }

portfile="$(mktemp)"
python3 "$root/bench/notifier/webhook_server.py" >"$portfile" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$portfile"' EXIT
for _ in $(seq 50); do [ -s "$portfile" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$portfile")/services/T000/B000/bench"

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  SECURITY_WATCH_WEBHOOK_URL="$url" java "$@" -jar "$jar" send "$event" >/dev/null 2>&1
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n/2 - 1] + sorted[n/2]) / 2 )); fi
echo "cold path (send, 1 SNS event, fresh JVM${*:+, $*}): runs=${times[*]} ms; median=${median} ms"
