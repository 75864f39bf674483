#!/usr/bin/env bash
# Heartbeat tracker simulation: minutes from a member path breaking to the health alert, and false alarms of healthy
# paths, with the notifier's real HeartbeatTracker. Usage: bench/health/run.sh [TRIALS]   (default 100,000; seconds)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
jar="$root/notifier-lambda/target/notifier-lambda.jar"
[ -f "$jar" ] || ./mvnw -B -q -pl notifier-lambda -am package -DskipTests >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -nowarn -cp "$jar" -d "$work" bench/health/SilenceDetection.java
echo "| canary interval | fastest alert | median | 95th percentile | slowest | healthy paths reported silent |"
echo "| --- | --- | --- | --- | --- | --- |"
java -cp "$jar:$work" SilenceDetection "${1:-100000}"
