#!/usr/bin/env bash
# Before/after check for the CLIs: every command of every Lambda jar over every file of a corpus.
#   scripts/cli-compare/run.sh CORPUS_DIR OUT_DIR     (build the jars first: ./mvnw -q package -DskipTests)
# Run it on the old and the new commit with the same CORPUS_DIR, then: diff -r OLD_OUT NEW_OUT
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$(cd "$1" && pwd)"
out="$2"
# Fixed settings, so that both runs see the same environment.
export ACCOUNT_NAMES='{"111111111111":"prod","123456789012":"security"}'
export DASHBOARDS_URL='https://search.example.com/_dashboards'
export REPORT_TIMEZONE='UTC' CENTRAL_REGION='ap-northeast-1' AWS_REGION='ap-northeast-1'
java -Djava.security.manager=allow "$repo/scripts/cli-compare/CliOutputs.java" "$repo" "$corpus" "$out"
# Documents with no event time are stamped with the time of indexing: mask that clock reading.
sed -E -i 's/"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{7,9}Z"/"<now>"/g' "$out"/*.txt
# The hub check fixtures live in the checkout: mask its path, so that two checkouts compare.
sed -i "s#$repo#<repo>#g" "$out"/*.txt
