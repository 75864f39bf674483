#!/usr/bin/env bash
# Warm path: per-event render time, and render + post to a local webhook, for N events in one JVM.
# Usage: bench/notifier/warm-path.sh [N]   (after ./mvnw -B -o -q -pl notifier-lambda -am package)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/notifier-lambda/target/notifier-lambda.jar"
corpus="$root/event-model/src/test/resources/acceptance"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -B -o -q -pl notifier-lambda -am package" >&2; exit 2; }
# The in-process stand-in webhook (JDK HttpServer) needs TCP_NODELAY, or delayed ACKs add ~40 ms per post.
java -Dsun.net.httpserver.nodelay=true -cp "$jar" "$root/bench/notifier/WarmPath.java" "${1:-1000}" \
  "$corpus/cloudtrail" "$corpus/eventbridge" "$corpus/sns" "$corpus/guardduty" "$corpus/securityhub"
