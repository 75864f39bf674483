#!/usr/bin/env bash
# Burst harness: N distinct events arriving within 10 s, posted to a local Slack stand-in that enforces about one
# message per second per channel (burst 3, then 429 with Retry-After: 1), through the notifier as it runs now (SQS
# batches, grouping, pacing; with a webhook, then with a bot token and threads) and, side by side, through the path before issue 10 (one async invocation per event).
# Real time, the real notifier service and Slack sender in-process.
# Usage: bench/burst/run.sh [N...]   (default: 50 300 1000). About 12 minutes: the old path waits out Lambda's
# retries at +60 s and +120 s for every size.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
sizes=("$@")
[ $# -eq 0 ] && sizes=(50 300 1000)
# The last commit whose notifier took one SNS event per invocation.
old_commit=096c9f1
corpus="$root/event-model/src/test/resources/acceptance/cloudtrail"
stand_in="$root/notifier-lambda/src/test/java/dev/securitywatch/notifier/support/RateLimitedSlack.java"
work=$(mktemp -d)
old_tree="$work/old-tree"
cleanup() {
  git worktree remove --force "$old_tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

./mvnw -B -q -pl notifier-lambda -am package -DskipTests >/dev/null
git worktree add --quiet --detach "$old_tree" "$old_commit"
(cd "$old_tree" && ./mvnw -B -q -pl notifier-lambda -am package -DskipTests >/dev/null)
new_jar="$root/notifier-lambda/target/notifier-lambda.jar"
old_jar="$old_tree/notifier-lambda/target/notifier-lambda.jar"
javac -nowarn -cp "$new_jar" -d "$work/new" bench/burst/BurstEvents.java bench/burst/NewPath.java "$stand_in"
javac -nowarn -cp "$old_jar" -d "$work/old" bench/burst/BurstEvents.java bench/burst/OldPath.java "$stand_in"

echo "| path | events | messages posted | seconds until every event is in Slack | dead-lettered | 429s |"
echo "| --- | --- | --- | --- | --- | --- |"
# The notifier's JSON log lines go to stderr; keep them out of the table.
java -cp "$new_jar:$work/new" NewPath "$corpus" "${sizes[@]}" 2>"$work/new.log"
java -cp "$new_jar:$work/new" NewPath "$corpus" --bot "${sizes[@]}" 2>"$work/bot.log"
java -cp "$old_jar:$work/old" OldPath "$corpus" "${sizes[@]}" 2>"$work/old.log"
